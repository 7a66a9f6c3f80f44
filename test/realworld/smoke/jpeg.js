// jpeg@1.0.3 ships no tests: what its README shows.  An RGB picture encodes
// to a JPEG synchronously and on the thread pool (eio_custom), and both give
// the same bytes, starting with the JPEG marker.  Run in the package's folder.
var Jpeg = require(require('path').resolve('.')).Jpeg;

var width = 16;
var height = 8;
var rgb = new Buffer(width * height * 3);
for (var i = 0; i < rgb.length; i++) rgb[i] = (i * 7) & 0xff;
var sync = new Jpeg(rgb, width, height, 'rgb').encodeSync();
var jpeg = new Jpeg(rgb, width, height, 'rgb');
jpeg.encode(function (image) {
  var same = image.toString('binary') === sync.toString('binary');
  var marker = sync[0] === 0xff && sync[1] === 0xd8;
  console.log((marker ? 'ok 1' : 'not ok 1') + ' encodeSync gives a JPEG');
  console.log((same ? 'ok 2' : 'not ok 2') + ' encode gives the same bytes');
  process.exitCode = marker && same ? 0 : 1;
});
