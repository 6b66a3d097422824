const pg = require('/work/wt/structure/node_modules/pg');
const net = require('net');
let q = 0; const texts = new Map(); let w = 0, wv = 0;
const orig = pg.Client.prototype.query;
pg.Client.prototype.query = function (c, ...rest) { q++; const t = (typeof c === 'string' ? c : c?.text ?? '').slice(0, 70); texts.set(t, (texts.get(t) ?? 0) + 1); return orig.call(this, c, ...rest); };
const ow = net.Socket.prototype._writeGeneric;
net.Socket.prototype._writeGeneric = function (writev, ...r) { if (writev) wv++; else w++; return ow.call(this, writev, ...r); };
process.on('SIGTERM', () => { require('fs').writeFileSync('/tmp/structure-counts.json', JSON.stringify({ q, w, wv, texts: [...texts].sort((a,b)=>b[1]-a[1]).slice(0,15) }, null, 1)); process.exit(0); });
