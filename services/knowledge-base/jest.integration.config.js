module.exports = require('../../jest.projects').integration(__dirname, 'knowledge-base');
