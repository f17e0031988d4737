// Shortlist's page behaviour for server-rendered Bootstrap pages driven by htmx.
//
// Loaded after bootstrap.bundle.min.js and htmx.min.js, as a file: the pages'
// Content-Security-Policy allows no inline script. It provides toasts
// (server flashes, HX-Trigger "toast" events, request errors), the CSRF header
// on htmx and fetch requests, a confirm modal in place of window.confirm, a
// server-sent events helper with a polling fallback, and select-all
// checkboxes. Pages reach it through window.Shortlist.
(function () {
  'use strict';

  // ----- small helpers -----

  function onReady(fn) {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', fn);
    } else {
      fn();
    }
  }

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute('content') || '' : '';
  }

  function sameOrigin(url) {
    try {
      return new URL(url, window.location.href).origin === window.location.origin;
    } catch (e) {
      return false;
    }
  }

  // ----- toasts -----

  var toastStyles = {
    success: { cls: 'text-bg-success', closeWhite: true },
    danger: { cls: 'text-bg-danger', closeWhite: true },
    warning: { cls: 'text-bg-warning', closeWhite: false },
    info: { cls: 'text-bg-info', closeWhite: false }
  };

  function toastContainer() {
    var container = document.getElementById('toasts');
    if (container) {
      return container;
    }
    // The layout is expected to provide #toasts; make one rather than lose a
    // message on a page that forgot it.
    container = document.createElement('div');
    container.id = 'toasts';
    container.className = 'toast-container position-fixed bottom-0 end-0 p-3';
    document.body.appendChild(container);
    return container;
  }

  // showToast shows message in a Bootstrap toast. kind is "success" (green),
  // "danger" (red), "warning" or "info" (the default). The message is set as
  // text, never as HTML. It returns the toast element.
  function showToast(message, kind) {
    if (message === undefined || message === null || String(message).trim() === '') {
      return null;
    }
    if (!Object.prototype.hasOwnProperty.call(toastStyles, kind)) {
      kind = 'info';
    }
    var style = toastStyles[kind];

    var el = document.createElement('div');
    el.className = 'toast align-items-center border-0 ' + style.cls;
    el.setAttribute('role', kind === 'danger' ? 'alert' : 'status');
    el.setAttribute('aria-live', kind === 'danger' ? 'assertive' : 'polite');
    el.setAttribute('aria-atomic', 'true');

    var row = document.createElement('div');
    row.className = 'd-flex';
    var body = document.createElement('div');
    body.className = 'toast-body';
    body.textContent = String(message);
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'btn-close me-2 m-auto' + (style.closeWhite ? ' btn-close-white' : '');
    close.setAttribute('data-bs-dismiss', 'toast');
    close.setAttribute('aria-label', 'Close');
    row.appendChild(body);
    row.appendChild(close);
    el.appendChild(row);

    toastContainer().appendChild(el);
    el.addEventListener('hidden.bs.toast', function () {
      el.remove();
    });
    if (window.bootstrap && window.bootstrap.Toast) {
      // Errors stay longer: they usually ask the reader to do something.
      var delay = kind === 'danger' ? 10000 : 5000;
      window.bootstrap.Toast.getOrCreateInstance(el, { delay: delay }).show();
    } else {
      el.classList.add('show');
    }
    return el;
  }

  // showFlashes turns the server's <div data-toast="kind">message</div>
  // elements inside #flash into toasts and removes them.
  function showFlashes() {
    var flashes = document.querySelectorAll('#flash [data-toast]');
    for (var i = 0; i < flashes.length; i++) {
      var el = flashes[i];
      showToast(el.textContent.trim(), el.getAttribute('data-toast'));
      el.remove();
    }
  }

  var genericErrors = {
    0: 'The server could not be reached. Check your connection and try again.',
    401: 'Your session has ended. Sign in again.',
    403: 'You are not allowed to do that.',
    404: 'That item no longer exists.',
    409: 'That changed in the meantime. Reload the page and try again.',
    413: 'That upload is too large.',
    429: 'Too many requests. Wait a moment and try again.'
  };

  // errorMessage picks the message to show for a failed request: the
  // server's own words when it sent JSON {"error": "..."} or plain text.
  function errorMessage(status, contentType, text) {
    var type = (contentType || '').toLowerCase();
    text = text || '';
    if (type.indexOf('json') !== -1) {
      try {
        var body = JSON.parse(text);
        if (body && typeof body.error === 'string' && body.error.trim() !== '') {
          return body.error.trim();
        }
      } catch (e) {
        // Not JSON after all: fall through to the generic message.
      }
    } else if (type.indexOf('text/plain') === 0 && text.trim() !== '') {
      return text.trim().slice(0, 500);
    }
    if (Object.prototype.hasOwnProperty.call(genericErrors, status)) {
      return genericErrors[status];
    }
    return 'Something went wrong (HTTP ' + status + '). Try again in a moment.';
  }

  // ----- confirm modal -----

  var confirmState = null;

  // BUTTON_COLOUR matches a Bootstrap button colour class, solid or outline.
  var BUTTON_COLOUR =
    /(?:^|\s)btn-(?:outline-)?(primary|secondary|success|danger|warning|info|light|dark)(?=\s|$)/g;

  function confirmModal() {
    if (confirmState) {
      return confirmState;
    }
    var modalEl = document.getElementById('confirm-modal');
    var body = document.getElementById('confirm-modal-body');
    var ok = document.getElementById('confirm-modal-ok');
    if (!modalEl || !body || !ok || !window.bootstrap || !window.bootstrap.Modal) {
      return null;
    }
    confirmState = {
      modal: window.bootstrap.Modal.getOrCreateInstance(modalEl),
      body: body,
      ok: ok,
      label: ok.textContent,
      className: ok.className,
      pending: null
    };
    ok.addEventListener('click', function () {
      var done = confirmState.pending;
      confirmState.pending = null;
      confirmState.modal.hide();
      if (done) {
        done(true);
      }
    });
    modalEl.addEventListener('hidden.bs.modal', function () {
      var done = confirmState.pending;
      confirmState.pending = null;
      ok.textContent = confirmState.label;
      ok.className = confirmState.className;
      if (done) {
        done(false);
      }
    });
    return confirmState;
  }

  // firstAttr returns the first non-empty value of attribute attr among the
  // hint elements.
  function firstAttr(hints, attr) {
    for (var i = 0; i < hints.length; i++) {
      var value = hints[i] && hints[i].getAttribute(attr);
      if (value) {
        return value;
      }
    }
    return null;
  }

  // okButtonColour derives the OK button's colour from the hint elements: an
  // explicit data-confirm-ok-class, else the colour of a hint's own btn-*
  // class, so a red "Delete forever" button gets a red OK button.
  function okButtonColour(hints) {
    var explicit = firstAttr(hints, 'data-confirm-ok-class');
    if (explicit) {
      return explicit;
    }
    var colour = new RegExp(BUTTON_COLOUR.source);
    for (var i = 0; i < hints.length; i++) {
      var match = hints[i] && colour.exec(hints[i].className || '');
      if (match) {
        return 'btn-' + match[1];
      }
    }
    return null;
  }

  // askConfirm shows question in the confirm modal and resolves to true when
  // the OK button is pressed, false when the modal is dismissed. hints are
  // the elements, first match wins, whose data-confirm-ok-label,
  // data-confirm-ok-class or btn-* colour style the OK button.
  function askConfirm(question, hints) {
    hints = [].concat(hints || []);
    return new Promise(function (resolve) {
      var state = confirmModal();
      if (!state) {
        // Only when the layout lacks the modal: better the browser's dialog
        // than a destructive action without any confirmation.
        resolve(window.confirm(question));
        return;
      }
      if (state.pending) {
        state.pending(false);
      }
      state.body.textContent = question;
      state.ok.textContent = firstAttr(hints, 'data-confirm-ok-label') || state.label;
      var colour = okButtonColour(hints);
      if (colour) {
        state.ok.className = state.className.replace(BUTTON_COLOUR, ' ').trim() + ' ' + colour;
      }
      state.pending = resolve;
      state.modal.show();
    });
  }

  // ----- CSRF-aware fetch -----

  // shortlistFetch is fetch with the CSRF header added for same-origin URLs.
  function shortlistFetch(url, init) {
    init = init || {};
    var headers = new Headers(init.headers || {});
    if (sameOrigin(url)) {
      var token = csrfToken();
      if (token && !headers.has('X-CSRF-Token')) {
        headers.set('X-CSRF-Token', token);
      }
    }
    var options = Object.assign({ credentials: 'same-origin' }, init, { headers: headers });
    return window.fetch(url, options);
  }

  // ----- live events -----

  var FALLBACK_INTERVAL_MS = 10000;
  var MAX_BACKOFF_MS = 30000;

  function parseData(data) {
    try {
      return JSON.parse(data);
    } catch (e) {
      return data;
    }
  }

  // subscribeEvents opens a server-sent event stream at url and calls
  // onEvent(type, data, event) for each event, data parsed as JSON when it is
  // JSON. The third argument is either a fallback function or an options
  // object {onFallback, events}: events lists the named event types to listen
  // to besides "message". When the stream drops it is reopened with growing
  // delays (1 s doubling to 30 s); while it is down onFallback is called every
  // 10 s, and once more when the stream is back so a page can catch up on
  // what it missed. It returns {close()}.
  function subscribeEvents(url, onEvent, opts) {
    if (typeof opts === 'function') {
      opts = { onFallback: opts };
    }
    opts = opts || {};
    var onFallback = typeof opts.onFallback === 'function' ? opts.onFallback : null;
    var types = ['message'].concat(opts.events || []);
    var source = null;
    var closed = false;
    var backoff = 1000;
    var retryTimer = null;
    var fallbackTimer = null;
    var wasDown = false;

    function fallback() {
      if (onFallback && !closed) {
        try {
          onFallback();
        } catch (e) {
          console.error('shortlist: event fallback failed', e);
        }
      }
    }

    function startFallback() {
      if (!fallbackTimer && onFallback) {
        fallbackTimer = window.setInterval(fallback, FALLBACK_INTERVAL_MS);
      }
    }

    function stopFallback() {
      if (fallbackTimer) {
        window.clearInterval(fallbackTimer);
        fallbackTimer = null;
      }
    }

    function dispatch(evt) {
      try {
        onEvent(evt.type, parseData(evt.data), evt);
      } catch (e) {
        console.error('shortlist: event handler failed', e);
      }
    }

    function connect() {
      retryTimer = null;
      if (closed) {
        return;
      }
      source = new EventSource(url);
      source.onopen = function () {
        backoff = 1000;
        stopFallback();
        if (wasDown) {
          wasDown = false;
          fallback();
        }
      };
      source.onerror = function () {
        // Reconnect on our own schedule: the browser gives up for good on
        // some failures (a 5xx, a proxy page) and retries others too eagerly.
        source.close();
        source = null;
        wasDown = true;
        startFallback();
        if (!closed && !retryTimer) {
          var delay = backoff + Math.floor(Math.random() * backoff / 2);
          backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
          retryTimer = window.setTimeout(connect, delay);
        }
      };
      for (var i = 0; i < types.length; i++) {
        source.addEventListener(types[i], dispatch);
      }
    }

    function close() {
      closed = true;
      stopFallback();
      if (retryTimer) {
        window.clearTimeout(retryTimer);
        retryTimer = null;
      }
      if (source) {
        source.close();
        source = null;
      }
    }

    // Let go of the connection when the page is put away, and take it up
    // again if the browser brings the page back from its history cache.
    function onPageHide() {
      close();
    }
    function onPageShow(evt) {
      if (evt.persisted && closed) {
        closed = false;
        wasDown = true;
        connect();
      }
    }

    function closeForGood() {
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('pageshow', onPageShow);
      close();
    }

    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('pageshow', onPageShow);
    connect();
    return { close: closeForGood };
  }

  // ----- select-all checkboxes -----

  function boxesNamed(name) {
    var selector = 'input[type="checkbox"][name="' + CSS.escape(name) + '"]';
    return document.querySelectorAll(selector);
  }

  // syncSelectAll sets each select-all box to checked, unchecked or
  // indeterminate from the boxes it controls.
  function syncSelectAll() {
    var controls = document.querySelectorAll('input[data-select-all]');
    for (var i = 0; i < controls.length; i++) {
      var boxes = boxesNamed(controls[i].getAttribute('data-select-all'));
      var checked = 0;
      for (var j = 0; j < boxes.length; j++) {
        if (boxes[j].checked) {
          checked++;
        }
      }
      controls[i].checked = boxes.length > 0 && checked === boxes.length;
      controls[i].indeterminate = checked > 0 && checked < boxes.length;
    }
  }

  var togglingAll = false;

  document.addEventListener('change', function (evt) {
    var target = evt.target;
    if (!(target instanceof HTMLInputElement) || togglingAll) {
      return;
    }
    var name = target.getAttribute('data-select-all');
    if (name) {
      // Each box gets its own change event, for page code that counts the
      // selection; the select-all boxes are brought in line once at the end.
      var want = target.checked;
      var boxes = boxesNamed(name);
      togglingAll = true;
      try {
        for (var i = 0; i < boxes.length; i++) {
          if (!boxes[i].disabled && boxes[i].checked !== want) {
            boxes[i].checked = want;
            boxes[i].dispatchEvent(new Event('change', { bubbles: true }));
          }
        }
      } finally {
        togglingAll = false;
      }
      syncSelectAll();
      return;
    }
    if (target.type === 'checkbox' && target.name) {
      syncSelectAll();
    }
  });

  // ----- htmx wiring -----

  document.addEventListener('htmx:configRequest', function (evt) {
    var token = csrfToken();
    if (token && sameOrigin(evt.detail.path)) {
      evt.detail.headers['X-CSRF-Token'] = token;
    }
  });

  // The server raises toasts with HX-Trigger: {"toast": {"message": "...",
  // "kind": "success"}} (also After-Swap / After-Settle); a bare string value
  // arrives as detail.value.
  document.addEventListener('toast', function (evt) {
    var detail = evt.detail || {};
    showToast(detail.message !== undefined ? detail.message : detail.value, detail.kind);
  });

  document.addEventListener('htmx:responseError', function (evt) {
    var xhr = evt.detail.xhr;
    var trigger = xhr.getResponseHeader('HX-Trigger') || '';
    if (trigger.indexOf('"toast"') !== -1) {
      // The server already explained the failure in its own toast.
      return;
    }
    showToast(errorMessage(xhr.status, xhr.getResponseHeader('Content-Type'), xhr.responseText),
      'danger');
  });

  document.addEventListener('htmx:sendError', function () {
    showToast(genericErrors[0], 'danger');
  });

  document.addEventListener('htmx:confirm', function (evt) {
    var question = evt.detail.question;
    if (!question) {
      return;
    }
    evt.preventDefault();
    var elt = evt.detail.elt;
    var trigger = evt.detail.triggeringEvent;
    var hints = [
      trigger && trigger.submitter,
      elt,
      elt && elt.closest && elt.closest('[hx-confirm],[data-hx-confirm]')
    ];
    askConfirm(question, hints).then(function (ok) {
      if (ok) {
        evt.detail.issueRequest(true);
      }
    });
  });

  document.addEventListener('htmx:afterSettle', function () {
    showFlashes();
    syncSelectAll();
  });

  // A form marked data-reset-on-success is cleared once htmx has sent it
  // and the server accepted it.
  document.addEventListener('htmx:afterRequest', function (evt) {
    var form = evt.detail && evt.detail.elt;
    if (form instanceof HTMLFormElement && form.hasAttribute('data-reset-on-success') &&
        evt.detail.successful) {
      form.reset();
    }
  });

  // A button marked data-remove-closest="selector" removes its closest
  // ancestor matching the selector, such as a table row of a form.
  document.addEventListener('click', function (evt) {
    var btn = evt.target.closest && evt.target.closest('[data-remove-closest]');
    if (!btn) {
      return;
    }
    var target = btn.closest(btn.getAttribute('data-remove-closest'));
    if (target) {
      target.remove();
    }
  });

  // ----- plain forms with data-confirm -----

  var confirmedForms = new WeakSet();

  // Capture phase, so the question comes before any other submit handler
  // (htmx's included) sees the event.
  document.addEventListener('submit', function (evt) {
    var form = evt.target;
    if (!(form instanceof HTMLFormElement)) {
      return;
    }
    if (confirmedForms.has(form)) {
      return;
    }
    var submitter = evt.submitter || null;
    var question = firstAttr([submitter, form], 'data-confirm');
    if (!question) {
      return;
    }
    evt.preventDefault();
    evt.stopPropagation();
    askConfirm(question, [submitter, form]).then(function (ok) {
      if (!ok) {
        return;
      }
      // requestSubmit dispatches the submit event synchronously, so the
      // form is marked as confirmed for exactly that one event.
      confirmedForms.add(form);
      try {
        if (submitter) {
          form.requestSubmit(submitter);
        } else {
          form.requestSubmit();
        }
      } finally {
        confirmedForms.delete(form);
      }
    });
  }, true);

  // ----- start -----

  onReady(function () {
    showFlashes();
    syncSelectAll();
  });

  window.Shortlist = Object.assign(window.Shortlist || {}, {
    showToast: showToast,
    subscribeEvents: subscribeEvents,
    confirm: askConfirm,
    fetch: shortlistFetch,
    csrfToken: csrfToken
  });
})();
