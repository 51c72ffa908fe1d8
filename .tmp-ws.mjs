import WebSocket from 'ws';
const ws = new WebSocket(process.argv[2]);
ws.on('message', (d) => { const m = JSON.parse(String(d)); if (m.type==='parsed') console.log(JSON.stringify(m.event).slice(0,150)); else if (m.type==='raw') console.log('RAW', JSON.stringify(Buffer.from(m.data,'base64').toString('latin1')).slice(0,200)); else console.log(m.type, JSON.stringify(m).slice(0,150)); });
