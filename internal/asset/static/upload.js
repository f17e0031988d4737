// The upload page: files chosen or dropped are sent one request each, two at
// a time, each with its own progress bar and, when done, its own result:
// a link to the new candidate or the reason the file was refused.
(function () {
  'use strict';

  var concurrency = 2;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) {
      e.className = cls;
    }
    if (text !== undefined) {
      e.textContent = text;
    }
    return e;
  }

  function row(file) {
    var card = el('div', 'card shadow-sm upload-item');
    var body = el('div', 'card-body py-2');
    var head = el('div', 'd-flex justify-content-between');
    head.appendChild(el('span', 'fw-semibold text-truncate', file.name));
    var size = el('span', 'text-body-secondary small', Math.ceil(file.size / 1024) + ' KiB');
    head.appendChild(size);
    var bar = el('div', 'progress mt-1');
    bar.setAttribute('role', 'progressbar');
    var fill = el('div', 'progress-bar');
    bar.appendChild(fill);
    var status = el('div', 'small mt-1 upload-status', 'Waiting…');
    body.appendChild(head);
    body.appendChild(bar);
    body.appendChild(status);
    card.appendChild(body);
    document.getElementById('upload-list').appendChild(card);
    return { card: card, fill: fill, bar: bar, status: status };
  }

  function setProgress(r, pct) {
    r.fill.style.width = pct + '%';
    r.bar.setAttribute('aria-valuenow', String(pct));
  }

  function showResults(r, results) {
    r.status.textContent = '';
    results.forEach(function (res) {
      var line = el('div', res.error ? 'text-danger upload-error' : 'text-success upload-ok');
      if (res.error) {
        line.textContent = res.file + ': ' + res.error;
        if (res.duplicate_of) {
          var dup = el('a', 'ms-1', 'see #' + res.duplicate_of);
          dup.href = '/candidates/' + res.duplicate_of;
          line.appendChild(dup);
        }
      } else {
        var link = el('a', '', res.file + ' → candidate #' + res.candidate_id);
        link.href = '/candidates/' + res.candidate_id;
        line.appendChild(link);
        if (res.needs_review) {
          line.appendChild(el('span', 'badge text-bg-warning ms-2', 'needs review'));
        }
        if (res.possible_duplicates && res.possible_duplicates.length) {
          line.appendChild(el('span', 'badge text-bg-warning ms-2', 'possible duplicate'));
        }
      }
      r.status.appendChild(line);
    });
    var failed = results.some(function (x) { return x.error; });
    r.fill.classList.add(failed ? 'bg-danger' : 'bg-success');
  }

  function fail(r, message) {
    r.fill.classList.add('bg-danger');
    r.status.className = 'small mt-1 text-danger upload-error';
    r.status.textContent = message;
  }

  function send(form, item, done) {
    var data = new FormData();
    data.append('file', item.file);
    var job = form.querySelector('[name=job_id]').value;
    if (job) {
      data.append('job_id', job);
    }
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.getAttribute('action'));
    xhr.setRequestHeader('X-CSRF-Token', window.Shortlist.csrfToken());
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        setProgress(item.row, Math.round(95 * e.loaded / e.total));
      }
    });
    item.row.status.textContent = 'Uploading…';
    xhr.addEventListener('load', function () {
      setProgress(item.row, 100);
      var body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch (e) {
        body = null;
      }
      if (xhr.status === 200 && body && body.results) {
        showResults(item.row, body.results);
      } else {
        fail(item.row, (body && body.error) || ('The upload failed (HTTP ' + xhr.status + ').'));
      }
      done();
    });
    xhr.addEventListener('error', function () {
      fail(item.row, 'The server could not be reached.');
      done();
    });
    xhr.upload.addEventListener('load', function () {
      item.row.status.textContent = 'Reading…';
    });
    xhr.send(data);
  }

  function start(form, files) {
    var max = parseInt(form.getAttribute('data-max-files'), 10) || 100;
    var maxBytes = (parseInt(form.getAttribute('data-max-mib'), 10) || 256) * 1024 * 1024;
    var queue = [];
    Array.prototype.forEach.call(files, function (file, i) {
      var r = row(file);
      if (i >= max) {
        fail(r, 'Not sent: at most ' + max + ' files at once.');
      } else if (file.size > maxBytes) {
        fail(r, 'Not sent: the file is larger than the upload limit.');
      } else {
        queue.push({ file: file, row: r });
      }
    });
    var running = 0;
    function next() {
      while (running < concurrency && queue.length) {
        running++;
        send(form, queue.shift(), function () {
          running--;
          next();
        });
      }
    }
    next();
  }

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('upload-form');
    var zone = document.getElementById('drop-zone');
    var input = document.getElementById('files');
    if (!form || !zone || !input) {
      return;
    }
    input.addEventListener('change', function () {
      start(form, input.files);
      input.value = '';
    });
    ['dragenter', 'dragover'].forEach(function (name) {
      zone.addEventListener(name, function (e) {
        e.preventDefault();
        zone.classList.add('drop-active');
      });
    });
    ['dragleave', 'drop'].forEach(function (name) {
      zone.addEventListener(name, function (e) {
        e.preventDefault();
        zone.classList.remove('drop-active');
      });
    });
    zone.addEventListener('drop', function (e) {
      if (e.dataTransfer && e.dataTransfer.files.length) {
        start(form, e.dataTransfer.files);
      }
    });
  });
})();
