module.exports = require('../../jest.projects').integration(__dirname, 'event-sourcing');
