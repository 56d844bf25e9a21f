// Progressive enhancements only: every form works without this script.
(function () {
  "use strict";
  // Intake steps save each change as the client types, so a closed tab loses nothing.
  var form = document.querySelector("form[data-autosave]");
  if (form) {
    var status = document.getElementById("autosave-status");
    var timer = null;
    var save = function () {
      timer = null;
      var body = new URLSearchParams(new FormData(form));
      body.delete("go");
      fetch(form.getAttribute("data-autosave"), { method: "POST", body: body, credentials: "same-origin" })
        .then(function (response) { if (status) { status.textContent = response.ok ? "Saved" : ""; } })
        .catch(function () { if (status) { status.textContent = "Not saved yet: check your connection."; } });
    };
    form.addEventListener("input", function () { if (timer) { clearTimeout(timer); } timer = setTimeout(save, 700); });
    form.addEventListener("change", function () { if (timer) { clearTimeout(timer); } save(); });
  }
  // Tapping a region of the body chart picks it in the table below.
  var regions = document.querySelectorAll("polygon[data-region]");
  for (var i = 0; i < regions.length; i++) {
    regions[i].addEventListener("click", function (event) {
      var select = document.getElementById("mark-" + event.currentTarget.getAttribute("data-region"));
      if (select) { select.focus(); select.scrollIntoView({ block: "center" }); }
    });
  }
  var summary = document.getElementById("problems");
  if (summary) { summary.focus(); }

  // A finger or mouse signature, kept as SVG path commands.
  var pad = document.querySelector("canvas[data-signature]");
  if (pad) {
    var input = document.getElementById(pad.getAttribute("data-signature"));
    var ink = pad.getContext("2d");
    ink.lineWidth = 2.5;
    ink.lineCap = "round";
    var path = "";
    var drawing = false;
    var point = function (event) {
      var box = pad.getBoundingClientRect();
      return [Math.round((event.clientX - box.left) * pad.width / box.width), Math.round((event.clientY - box.top) * pad.height / box.height)];
    };
    pad.addEventListener("pointerdown", function (event) {
      drawing = true;
      pad.setPointerCapture(event.pointerId);
      var p = point(event);
      path += (path ? " " : "") + "M" + p[0] + " " + p[1];
      ink.beginPath();
      ink.moveTo(p[0], p[1]);
      event.preventDefault();
    });
    pad.addEventListener("pointermove", function (event) {
      if (!drawing) { return; }
      var p = point(event);
      path += " L" + p[0] + " " + p[1];
      ink.lineTo(p[0], p[1]);
      ink.stroke();
    });
    pad.addEventListener("pointerup", function () {
      drawing = false;
      input.value = path.indexOf("L") > 0 ? path : "";
    });
    document.getElementById("clear-signature").addEventListener("click", function () {
      path = "";
      input.value = "";
      ink.clearRect(0, 0, pad.width, pad.height);
    });
  }

  // A questionnaire definition file is read into the text box it is posted from.
  var file = document.getElementById("definition-file");
  if (file) {
    file.addEventListener("change", function () {
      if (file.files[0]) { file.files[0].text().then(function (text) { document.getElementById("definition").value = text; }); }
    });
  }
})();

// ---- Client search boxes (client_picker.mustache): results as you type, as an ARIA combobox. ----
// Without this script the box is a plain search sent with the Find button; with it, matches appear under the box,
// arrow keys move through them, Enter chooses, Escape closes. Choosing fills the hidden client field (or, on the
// client list, opens the client's record).
(function () {
  "use strict";
  var months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var spoken = function (iso) {
    var parts = (iso || "").split("-");
    return parts.length === 3 ? parseInt(parts[2], 10) + " " + months[parseInt(parts[1], 10) - 1] + " " + parts[0] : "";
  };
  var pickers = document.querySelectorAll("[data-client-picker]");
  Array.prototype.forEach.call(pickers, function (picker) {
    var input = picker.querySelector("input[type=search]");
    var list = picker.querySelector("[role=listbox]");
    var status = picker.querySelector("[data-picker-status]");
    var chosen = picker.querySelector("[data-picker-chosen]");
    var navigates = picker.hasAttribute("data-navigates");
    var value = picker.querySelector("[data-picker-value]");
    var results = [], active = -1, timer = null, asked = 0;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);

    var close = function () {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    };
    var highlight = function (index) {
      var options = list.querySelectorAll("[role=option]");
      if (!options.length) { return; }
      active = (index + options.length) % options.length;
      for (var i = 0; i < options.length; i++) { options[i].setAttribute("aria-selected", i === active ? "true" : "false"); }
      input.setAttribute("aria-activedescendant", options[active].id);
      options[active].scrollIntoView({ block: "nearest" });
    };
    var choose = function (index) {
      var client = results[index];
      if (!client) { return; }
      if (navigates) { window.location.href = client.href; return; }
      var radios = picker.querySelector("[data-picker-matches]");
      if (radios) {
        radios.parentNode.removeChild(radios);
        value = document.createElement("input");
        value.type = "hidden";
        value.name = picker.getAttribute("data-field");
        value.setAttribute("data-picker-value", "");
        picker.appendChild(value);
      }
      if (value) { value.value = client.id; }
      chosen.textContent = "Chosen: ";
      var name = document.createElement("strong");
      name.textContent = client.name;
      chosen.appendChild(name);
      if (client.born) { chosen.appendChild(document.createTextNode(", born " + spoken(client.born))); }
      input.value = client.name;
      status.textContent = "";
      close();
      picker.dispatchEvent(new CustomEvent("clientchosen", { bubbles: true, detail: client }));
    };
    var show = function (clients) {
      results = clients;
      list.textContent = "";
      clients.forEach(function (client, index) {
        var option = document.createElement("li");
        option.id = list.id + "-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        var name = document.createElement("strong");
        name.textContent = client.name;
        option.appendChild(name);
        var details = [client.born ? "born " + spoken(client.born) : "", client.phone, client.email].filter(Boolean).join(" · ");
        if (details) {
          var meta = document.createElement("span");
          meta.className = "meta";
          meta.textContent = details;
          option.appendChild(meta);
        }
        option.addEventListener("mousedown", function (event) { event.preventDefault(); choose(index); });
        list.appendChild(option);
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      list.hidden = clients.length === 0;
      input.setAttribute("aria-expanded", clients.length ? "true" : "false");
      status.textContent = clients.length === 0 ? "No client found." : clients.length === 1 ? "1 client found." : clients.length + " clients found.";
    };
    var ask = function () {
      timer = null;
      var typed = input.value.trim();
      if (!typed) { results = []; close(); status.textContent = ""; return; }
      var mine = ++asked;
      fetch("/clients/search?q=" + encodeURIComponent(typed), { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { clients: [] }; })
        .then(function (answer) { if (mine === asked) { show(answer.clients || []); } })
        .catch(function () { if (mine === asked) { status.textContent = "Search is not answering: check your connection."; } });
    };
    input.addEventListener("input", function () {
      if (value && !navigates) { value.value = ""; chosen.textContent = ""; }
      if (timer) { clearTimeout(timer); }
      timer = setTimeout(ask, 120);
    });
    input.addEventListener("keydown", function (event) {
      var open = !list.hidden;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (!open && results.length) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
        highlight(active < 0 ? (event.key === "ArrowDown" ? 0 : -1) : active + (event.key === "ArrowDown" ? 1 : -1));
      } else if (event.key === "Enter") {
        if (open && results.length) { event.preventDefault(); choose(active < 0 ? 0 : active); }
        else if (!navigates) { event.preventDefault(); }
      } else if (event.key === "Escape") {
        if (open) { event.preventDefault(); close(); } else if (input.value) { event.preventDefault(); input.value = ""; }
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
    input.addEventListener("focus", function () { if (results.length && input.value.trim()) { list.hidden = false; input.setAttribute("aria-expanded", "true"); } });
  });
})();

/* ---- Booking set-up (setup): copy one day's hours to other days of the week grid; the grid works without it. ---- */
(function () {
  var grid = document.querySelector("form.week-grid");
  if (!grid) { return; }
  var bar = grid.querySelector(".copy-days");
  var status = document.getElementById("copy-status");
  var from = document.getElementById("copy-from");
  var to = document.getElementById("copy-to");
  var parts = ["s1start", "s1end", "s2start", "s2end", "bstart", "bend"];
  var names = Array.prototype.map.call(from.options, function (option) { return option.text; });
  function box(day, part) { return grid.elements["d" + day + part]; }
  function mark(day) {
    var closed = parts.slice(0, 4).every(function (part) { return !box(day, part).value; });
    grid.querySelector("fieldset[data-day='" + day + "'] .closed-mark").hidden = !closed;
  }
  function copy(source, days) {
    var targets = days.filter(function (day) { return day !== source; });
    targets.forEach(function (day) {
      parts.forEach(function (part) { box(day, part).value = box(source, part).value; });
      mark(day);
    });
    status.textContent = "Copied " + names[source] + " to " + targets.map(function (day) { return names[day]; }).join(", ") + ". Save hours to keep it.";
  }
  bar.hidden = false;
  bar.querySelector("[data-copy-from]").addEventListener("click", function () { copy(0, [1, 2, 3, 4]); });
  bar.querySelector("[data-copy-chosen]").addEventListener("click", function () {
    var choice = to.value;
    var days = choice === "all" ? [0, 1, 2, 3, 4, 5, 6] : choice === "weekdays" ? [0, 1, 2, 3, 4] : [Number(choice)];
    copy(Number(from.value), days);
  });
  grid.addEventListener("input", function (event) {
    var day = event.target.name && event.target.name.match(/^d(\d)/);
    if (day) { mark(Number(day[1])); }
  });
})();
