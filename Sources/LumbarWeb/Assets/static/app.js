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
