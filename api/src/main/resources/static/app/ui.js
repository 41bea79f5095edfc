// Small building blocks for the pages: elements built from data (text is always set as text, never parsed as
// HTML), the notice area, forms whose fields show the server's errors, tables, dialogs that ask for a reason.

/** h('p', {class: 'hint'}, 'text', child, ...): attributes, then children (strings become text). */
export function h(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
        if (value === undefined || value === null || value === false) {
            continue;
        }
        if (name.startsWith('on') && typeof value === 'function') {
            element.addEventListener(name.substring(2).toLowerCase(), value);
        } else if (name === 'dataset') {
            Object.assign(element.dataset, value);
        } else if (value === true) {
            element.setAttribute(name, '');
        } else {
            element.setAttribute(name, value);
        }
    }
    append(element, children);
    return element;
}

function append(element, children) {
    for (const child of children.flat(Infinity)) {
        if (child === undefined || child === null || child === false) {
            continue;
        }
        element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
}

/** Shows a message at the top of the page: kind 'ok', 'error' or 'info'. Errors are announced at once. */
export function notify(text, kind = 'ok') {
    const notice = document.getElementById('notice');
    notice.textContent = '';
    notice.className = 'notice ' + kind;
    notice.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    notice.append(h('span', {}, text), h('button', {type: 'button', class: 'link close', 'aria-label': 'Dismiss',
        onclick: () => { notice.hidden = true; }}, '×'));
    notice.hidden = false;
    if (kind === 'error') {
        notice.scrollIntoView({block: 'nearest'});
    }
}

let flashed = null;

/** A message to show on the next page, once it is drawn (after going to another address). */
export function flash(text, kind = 'ok') {
    flashed = {text, kind};
}

/** Clears the last page's message, or shows the one flashed for this page. */
export function pageNotice() {
    if (flashed) {
        notify(flashed.text, flashed.kind);
        flashed = null;
    } else {
        clearNotice();
    }
}

export function clearNotice() {
    const notice = document.getElementById('notice');
    notice.hidden = true;
    notice.textContent = '';
}

let fieldCount = 0;

/**
 * A labelled field. spec: {name, label, type ('text', 'date', 'email', 'number', 'password', 'select', 'textarea',
 * 'checkbox', 'datetime-local', 'file'), value, options ([{value, label}] for select), required, hint, attrs}.
 */
export function field(spec) {
    const id = 'f-' + spec.name + '-' + (++fieldCount);
    const attrs = {id, name: spec.name, required: spec.required, 'aria-describedby': id + '-error', ...spec.attrs};
    let control;
    if (spec.type === 'select') {
        control = h('select', attrs, (spec.options || []).map(option =>
            h('option', {value: option.value, selected: String(option.value) === String(spec.value ?? '')},
                option.label)));
    } else if (spec.type === 'textarea') {
        control = h('textarea', {rows: 3, ...attrs}, spec.value ?? '');
    } else if (spec.type === 'checkbox') {
        control = h('input', {type: 'checkbox', ...attrs, checked: !!spec.value});
        return h('div', {class: 'field checkbox', dataset: {field: spec.name}}, control,
            h('label', {for: id}, spec.label), spec.hint ? h('p', {class: 'hint'}, spec.hint) : null,
            h('p', {class: 'field-error', id: id + '-error', hidden: true}));
    } else {
        control = h('input', {type: spec.type || 'text', ...attrs, value: spec.value ?? undefined});
    }
    return h('div', {class: 'field', dataset: {field: spec.name}},
        h('label', {for: id}, spec.label, spec.required ? null : h('span', {class: 'optional'}, ' (optional)')),
        spec.hint ? h('p', {class: 'hint', id: id + '-hint'}, spec.hint) : null,
        h('p', {class: 'field-error', id: id + '-error', hidden: true}), control);
}

/** The form's values by field name (checkboxes as booleans; blank text omitted when omitBlank). */
export function values(form, omitBlank = false) {
    const out = {};
    for (const element of form.elements) {
        if (!element.name || element.type === 'submit' || element.type === 'button' || element.type === 'file') {
            continue;
        }
        const value = element.type === 'checkbox' ? element.checked : element.value.trim();
        if (omitBlank && value === '') {
            continue;
        }
        out[element.name] = value;
    }
    return out;
}

/** Shows each of the server's field errors beside its field (or in the notice when no field matches). */
export function showErrors(form, error) {
    clearErrors(form);
    let unplaced = [];
    for (const fieldError of error.fieldErrors || []) {
        const holder = form.querySelector('[data-field="' + CSS.escape(fieldError.field || '') + '"]');
        if (!holder) {
            unplaced.push(fieldError.message);
            continue;
        }
        holder.classList.add('invalid');
        const text = holder.querySelector('.field-error');
        text.textContent = fieldError.message;
        text.hidden = false;
        holder.querySelector('input, select, textarea')?.setAttribute('aria-invalid', 'true');
    }
    const first = form.querySelector('[aria-invalid="true"]');
    if (first) {
        first.focus();
    }
    // in a dialog the page's notice is hidden behind it: the message goes inside the dialog's form
    const say = form.closest('dialog') ? text => formMessage(form, text) : text => notify(text, 'error');
    if (!(error.fieldErrors || []).length || unplaced.length) {
        say(unplaced.length ? unplaced.join(' ') : error.message);
    } else {
        say('Please correct the highlighted ' + (error.fieldErrors.length === 1 ? 'field.' : 'fields.'));
    }
}

function formMessage(form, text) {
    let box = form.querySelector('.form-error');
    if (!box) {
        box = h('p', {class: 'message error form-error', role: 'alert'});
        form.prepend(box);
    }
    box.textContent = text;
    box.hidden = false;
}

export function clearErrors(form) {
    form.querySelectorAll('.form-error').forEach(box => { box.hidden = true; box.textContent = ''; });
    form.querySelectorAll('.invalid').forEach(holder => holder.classList.remove('invalid'));
    form.querySelectorAll('.field-error').forEach(text => { text.hidden = true; text.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(control => control.removeAttribute('aria-invalid'));
}

/**
 * A form that calls submit(values, form) when sent: its button is disabled meanwhile; a thrown ApiError is shown
 * beside the fields. spec: {fields: [field specs or elements], submitLabel, submit, omitBlank, id}.
 */
export function form(spec) {
    const button = h('button', {type: 'submit'}, spec.submitLabel || 'Save');
    const element = h('form', {novalidate: true, id: spec.id, class: spec.class},
        spec.fields.map(item => item instanceof Node ? item : field(item)), h('div', {class: 'actions'}, button,
            spec.extraActions || null));
    element.addEventListener('submit', async event => {
        event.preventDefault();
        clearErrors(element);
        button.disabled = true;
        try {
            await spec.submit(values(element, spec.omitBlank), element);
        } catch (error) {
            if (error && error.status !== undefined) {
                showErrors(element, error);
            } else {
                notify(String(error && error.message || error), 'error');
            }
        } finally {
            button.disabled = false;
        }
    });
    return element;
}

/**
 * A modal dialog with a form; answers a promise of the values, or null if cancelled. The submit callback may throw
 * an ApiError, shown in the dialog so the user can correct it. spec: {title, intro, fields, submitLabel, submit}.
 */
export function dialog(spec) {
    return new Promise(resolve => {
        const box = h('dialog', {class: 'dialog', 'aria-labelledby': 'dialog-title'});
        const cancel = h('button', {type: 'button', class: 'secondary', onclick: () => close(null)}, 'Cancel');
        const body = form({fields: spec.fields, submitLabel: spec.submitLabel || 'Confirm', extraActions: cancel,
            submit: async (formValues, formElement) => {
                const answer = spec.submit ? await spec.submit(formValues, formElement) : formValues;
                close(answer === undefined ? formValues : answer);
            }});
        box.append(h('h2', {id: 'dialog-title'}, spec.title), spec.intro ? h('p', {}, spec.intro) : null, body);
        box.addEventListener('cancel', event => { event.preventDefault(); close(null); });
        document.body.append(box);
        box.showModal();
        box.querySelector('input, select, textarea, button')?.focus();

        function close(result) {
            box.close();
            box.remove();
            resolve(result);
        }
    });
}

/** Asks for a reason (required, as the server requires) before an action; null when cancelled. */
export function askReason(title, intro, submit, submitLabel = 'Confirm') {
    return dialog({title, intro, submitLabel, fields: [{name: 'reason', label: 'Reason', type: 'textarea',
        required: true, hint: 'Kept in the audit trail with your PIN.'}], submit});
}

/** A table: columns [{label, value: row => text or element, class}]; an empty message when there are no rows. */
export function table(columns, rows, empty = 'Nothing to show.', caption) {
    if (!rows || !rows.length) {
        return h('p', {class: 'empty'}, empty);
    }
    return scrollable(h('div', {class: 'table-wrap'}, h('table', {class: 'stack'},
        caption ? h('caption', {}, caption) : null,
        h('thead', {}, h('tr', {}, columns.map(column => h('th', {scope: 'col', class: column.class}, column.label)))),
        h('tbody', {}, rows.map(row => h('tr', {}, columns.map(column =>
            h('td', {class: column.class, 'data-label': column.label}, column.value(row) ?? ''))))))),
        caption || 'Table');
}

/**
 * A box that may scroll sideways (a wide table on a narrow screen) can be reached with the keyboard while, and only
 * while, it does scroll: then it takes the focus, as a named region, so arrow keys move it.
 */
export function scrollable(box, name) {
    const update = () => {
        if (box.scrollWidth > box.clientWidth + 1) {
            box.setAttribute('tabindex', '0');
            box.setAttribute('role', 'region');
            box.setAttribute('aria-label', name);
        } else {
            box.removeAttribute('tabindex');
            box.removeAttribute('role');
            box.removeAttribute('aria-label');
        }
    };
    new ResizeObserver(update).observe(box);
    return box;
}

/** Paging controls for a paged answer {items, page, size, total}; go(page) loads another page. */
export function pager(answer, go) {
    const pages = Math.max(1, Math.ceil(answer.total / answer.size));
    return h('nav', {class: 'pager', 'aria-label': 'Pages'},
        h('button', {type: 'button', class: 'secondary', disabled: answer.page <= 0,
            onclick: () => go(answer.page - 1)}, 'Previous'),
        h('span', {}, 'Page ' + (answer.page + 1) + ' of ' + pages + ' · ' + answer.total + ' in all'),
        h('button', {type: 'button', class: 'secondary', disabled: answer.page + 1 >= pages,
            onclick: () => go(answer.page + 1)}, 'Next'));
}

/** A definition list from [label, value] pairs, skipping absent values. */
export function details(pairs) {
    return h('dl', {class: 'details'}, pairs.filter(pair => pair[1] !== undefined && pair[1] !== null && pair[1] !== '')
        .map(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]));
}

export function when(instant) {
    if (!instant) {
        return '';
    }
    return new Date(instant).toLocaleString('en-GB', {day: 'numeric', month: 'short', year: 'numeric',
        hour: '2-digit', minute: '2-digit', timeZone: 'UTC'}) + ' UTC';
}

export function day(date) {
    if (!date) {
        return '';
    }
    return new Date(date + (date.length === 10 ? 'T00:00:00Z' : '')).toLocaleDateString('en-GB',
        {day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC'});
}

/** A constant in words: "SUSPECTED_MALPRACTICE" is "Suspected malpractice". */
export function words(constant) {
    const text = String(constant || '').replace(/_/g, ' ').toLowerCase();
    return text.charAt(0).toUpperCase() + text.substring(1);
}

export function badge(text, kind) {
    return h('span', {class: 'badge ' + (kind || String(text).toLowerCase())}, text);
}

/** A page: heading, optional intro and content; sets the document title and moves focus for screen readers. */
export function page(container, title, ...content) {
    document.title = title + ' · Awarding Hub';
    container.textContent = '';
    append(container, [h('h1', {}, title), content]);
    container.focus({preventScroll: true});
}

export function section(title, ...content) {
    return h('section', {class: 'panel'}, h('h2', {}, title), content);
}

export function link(href, text) {
    return h('a', {href}, text);
}

export function button(label, onclick, kind) {
    return h('button', {type: 'button', class: kind, onclick}, label);
}
