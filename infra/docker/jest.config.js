module.exports = require('../../jest.projects').unit(__dirname, 'deployment');
