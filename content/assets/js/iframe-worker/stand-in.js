// Browsers start no web worker from file://, and Material runs its search in one. In the
// offline copy (`make offline`) this script stands in for Worker: the worker's script runs in
// a hidden frame of the page instead. Unlike the iframe-worker package, it writes no inline
// script into the frame (only files of the site), so the page's Content-Security-Policy
// ('self', no inline scripts) holds offline too. The frame's half is frame-globals.js.
// Material's offline plugin adds that package from a CDN unless a script path names
// "iframe-worker": hence this folder's name.
"use strict";
(() => {
  if (location.protocol !== "file:") return;
  const globals = new URL("frame-globals.js", document.currentScript.src).href;

  class FrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.url = new URL(url, location.href).href;
      this.iframe = document.createElement("iframe");
      this.iframe.hidden = true;
      this.iframe.title = "zoeken";
      document.body.appendChild(this.iframe);
      this.fromFrame = (event) => {
        if (event.source !== this.iframe.contentWindow) return;
        const message = new MessageEvent("message", { data: event.data });
        this.dispatchEvent(message);
        if (this.onmessage) this.onmessage(message);
      };
      window.addEventListener("message", this.fromFrame);
      const frame = this.iframe.contentWindow.document;
      frame.open();
      frame.write(`<!doctype html><html><body><script src="${globals}"></script>` +
                  `<script src="${this.url}"></script></body></html>`);
      frame.close();
      this.ready = new Promise((resolve) => { this.iframe.contentWindow.onload = resolve; });
    }

    postMessage(data) {
      this.ready.then(() => this.iframe.contentWindow.dispatchEvent(
        new MessageEvent("message", structuredClone({ data }))));
    }

    terminate() {
      window.removeEventListener("message", this.fromFrame);
      this.iframe.remove();
    }
  }

  window.IFrameWorker = FrameWorker; // Material's worker looks for this name in a frame
  window.Worker = FrameWorker;
})();
