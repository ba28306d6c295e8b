module.exports = require('../../jest.projects').integration(__dirname, 'innovation-research');
