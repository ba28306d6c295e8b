module.exports = require('../../jest.projects').unit(__dirname, 'innovation-research');
