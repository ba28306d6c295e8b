module.exports = require('../../jest.projects').integration(__dirname, 'auth');
