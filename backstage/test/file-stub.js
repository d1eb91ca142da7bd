// Images and stylesheets that Backstage's components import: their URL is all a test sees.
module.exports = 'test-file-stub';
