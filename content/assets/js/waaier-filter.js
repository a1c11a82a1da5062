// Filters on the hulpmiddelenwaaier page: show the worksheet cards that match every chosen
// filter and say how many there are. Without this script all cards simply show.
(function () {
  "use strict";

  function setUp(root) {
    const form = root.querySelector("[data-kw-filters]");
    if (!form || form.dataset.kwReady) return;
    form.dataset.kwReady = "1";
    const selects = Array.from(form.querySelectorAll("select[data-kw-filter]"));
    const cards = Array.from(root.querySelectorAll(".kw-card"));
    const count = form.querySelector("[data-kw-filter-count]");

    function apply() {
      let shown = 0;
      for (const card of cards) {
        const match = selects.every((select) => {
          const wanted = select.value;
          const values = (card.dataset[select.dataset.kwFilter] || "").split(" ");
          return !wanted || values.includes(wanted);
        });
        card.hidden = !match;
        if (match) shown += 1;
      }
      const text = shown === 0 ? count.dataset.kwNone
        : shown === 1 ? count.dataset.kwOne : count.dataset.kwMany.replace("{n}", shown);
      count.textContent = text;
    }

    // The chosen filters live in the address (?fase=...&basistaak=...), so the back button
    // and a shared link give the same selection.
    function fromAddress() {
      const params = new URLSearchParams(window.location.search);
      for (const select of selects) {
        const wanted = params.get(select.dataset.kwFilter) || "";
        const known = Array.from(select.options).some((o) => o.value === wanted);
        select.value = known ? wanted : "";
      }
    }

    function toAddress() {
      const url = new URL(window.location.href);
      for (const select of selects) {
        if (select.value) url.searchParams.set(select.dataset.kwFilter, select.value);
        else url.searchParams.delete(select.dataset.kwFilter);
      }
      if (url.href !== window.location.href) window.history.pushState(null, "", url.href);
    }

    form.addEventListener("change", () => {
      toAddress();
      apply();
    });
    window.addEventListener("popstate", () => {
      if (!form.isConnected) return;
      fromAddress();
      apply();
    });
    fromAddress();
    form.addEventListener("submit", (event) => event.preventDefault());
    form.hidden = false;
    apply();
  }

  function init() {
    document.querySelectorAll("[data-kw-waaier]").forEach(setUp);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
