/** The injected UI's own CSS; it lives in each host's shadow root, so Seller Central's CSS never reaches it. */
export const UI_CSS = `
:host{all:initial;display:block;margin:6px 0;font:13px/1.4 "Amazon Ember",Arial,sans-serif;color:#0f1111}
.box{border:1px solid #c45500;border-left-width:4px;border-radius:4px;background:#fff8f0;padding:8px 10px}
.box.block{border-color:#b12704;background:#fff0f0}
.box.info{border-color:#007185;background:#f3fbfc}
.box.compact{padding:4px 6px;font-size:12px}
.title{font-weight:700;margin:0 0 4px}
.block .title{color:#b12704;font-size:15px}
p{margin:0 0 6px}
ul{margin:0 0 6px;padding-left:18px}
.actions{display:flex;gap:6px;flex-wrap:wrap}
button{font:inherit;cursor:pointer;border:1px solid #888c8c;border-radius:4px;background:#fff;padding:3px 10px}
button.primary{background:#ffd814;border-color:#fcd200}
button:focus-visible{outline:2px solid #007185;outline-offset:1px}
.muted{color:#565959}
.request{border-top:1px solid #d5d9d9;margin:6px 0;padding-top:6px}
.note{display:flex;gap:6px;align-items:center;flex-wrap:wrap}
`;
