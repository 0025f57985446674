// The clerk's page: take a file (dropped or chosen) or pasted text, send it to
// this machine's reportlint, show the report it sends back (rendered by the
// same code as the batch report; report.js makes it clickable), and offer the
// text with the safe fixes applied as a download.
(function () {
  "use strict";
  var drop = document.getElementById("drop");
  var fileInput = document.getElementById("file");
  var paste = document.getElementById("paste");
  var status = document.getElementById("status");
  var error = document.getElementById("error");
  var result = document.getElementById("result");
  var report = document.getElementById("report");
  var download = document.getElementById("download-fixed");
  var fixedNote = document.getElementById("fixed-note");
  var fixed = null;

  function showError(message) {
    status.textContent = "";
    error.textContent = message;
    error.hidden = false;
  }

  function send(body, headers, label) {
    error.hidden = true;
    status.textContent = "正在检查“" + label + "”……";
    fetch("/api/check", { method: "POST", body: body, headers: headers })
      .then(function (response) {
        return response.json().then(function (data) { return { ok: response.ok, data: data }; },
          function () { return { ok: false, data: { error: "检查失败（" + response.status + "）" } }; });
      })
      .then(function (reply) {
        if (!reply.ok) { showError(reply.data.error); result.hidden = true; return; }
        show(reply.data);
      })
      .catch(function () { showError("无法连接到 reportlint：请确认启动它的窗口还开着。"); });
  }

  function show(data) {
    status.textContent = "已检查“" + data.name + "”。";
    report.innerHTML = data.html;
    fixed = data.fixed;
    download.disabled = !fixed;
    fixedNote.textContent = fixed
      ? "已自动修正 " + data.fixes + " 处（标点、序号、空格等），其余问题请对照下方逐条修改。"
      : "没有可以自动修正的地方。";
    result.hidden = false;
    result.scrollIntoView({ block: "start" });
  }

  function sendFile(file) {
    if (!file) { return; }
    send(file, { "X-File-Name": encodeURIComponent(file.name) }, file.name);
  }

  download.addEventListener("click", function () {
    if (!fixed) { return; }
    var bytes = Uint8Array.from(atob(fixed.data), function (c) { return c.charCodeAt(0); });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([bytes], { type: "text/plain" }));
    link.download = fixed.name;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  });

  document.getElementById("check-paste").addEventListener("click", function () {
    if (!paste.value.trim()) { showError("请先粘贴报告的文字。"); return; }
    send(paste.value, { "Content-Type": "text/plain; charset=utf-8" }, "粘贴的文字");
  });

  document.getElementById("again").addEventListener("click", function () {
    result.hidden = true;
    status.textContent = "";
    fileInput.value = "";
    window.scrollTo(0, 0);
  });

  fileInput.addEventListener("change", function () { sendFile(fileInput.files[0]); });
  drop.addEventListener("click", function (event) {
    if (event.target === drop) { fileInput.click(); }
  });
  drop.addEventListener("keydown", function (event) {
    if (event.key === "Enter" || event.key === " ") { event.preventDefault(); fileInput.click(); }
  });
  ["dragenter", "dragover"].forEach(function (type) {
    drop.addEventListener(type, function (event) {
      event.preventDefault();
      drop.classList.add("over");
    });
  });
  ["dragleave", "drop"].forEach(function (type) {
    drop.addEventListener(type, function () { drop.classList.remove("over"); });
  });
  drop.addEventListener("drop", function (event) {
    event.preventDefault();
    var files = event.dataTransfer.files;
    if (files.length > 1) { showError("一次请只拖入一份报告。"); return; }
    sendFile(files[0]);
  });
  // A file dropped beside the box would make the browser open it instead.
  window.addEventListener("dragover", function (event) { event.preventDefault(); });
  window.addEventListener("drop", function (event) { event.preventDefault(); });
})();
