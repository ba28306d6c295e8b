module.exports = require('../../jest.projects').unit(__dirname, 'knowledge-base');
