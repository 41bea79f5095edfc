// What the Centres Hub pages share: the words for statuses, sanctions and request kinds; reading every page of a
// paged list; waiting for a change to reach the read side; dialogs that show a refusal on the page itself.
import {get} from '../api.js';
import {askReason, badge, dialog, h, notify, page} from '../ui.js';
import {currentUser, hasRole, isImiStaff} from '../session.js';

export const STATUS_WORDS = {
    APPLIED: 'Applied', APPROVED: 'Approved', SUSPENDED: 'Suspended', WITHDRAWN: 'Withdrawn'
};

export const STATUS_MEANING = {
    APPLIED: 'Waiting for IMI to approve it.',
    APPROVED: 'Registers candidates and claims certificates for the qualifications it is approved for.',
    SUSPENDED: 'Suspended by IMI: nothing new may be done until it is reinstated.',
    WITHDRAWN: 'Withdrawn: the centre no longer works with IMI. Nothing more can change.'
};

export const SANCTIONS = {
    REGISTRATIONS: {name: 'Registrations stopped', meaning: 'The centre may not register new candidates.'},
    CERTIFICATION: {name: 'Certification stopped', meaning: 'The centre may not claim certificates.'}
};

export const REQUEST_KINDS = [
    {value: 'REQUEST', label: 'Request: ask IMI for something'},
    {value: 'FEEDBACK', label: 'Feedback: tell IMI something'}
];

export const CENTRE_ROLES = ['CENTRE_COORDINATOR', 'CENTRE_ADMIN', 'INVIGILATOR', 'ASSESSOR', 'IQA'];
export const IMI_ROLES = ['IMI_ADMIN', 'AUDITOR'];

export function statusBadge(status) {
    return badge(STATUS_WORDS[status] || status, String(status).toLowerCase());
}

export function sanctionName(sanction) {
    return SANCTIONS[sanction]?.name || sanction;
}

export function kindWords(kind) {
    return kind === 'FEEDBACK' ? 'Feedback' : kind === 'REQUEST' ? 'Request' : kind;
}

export function enc(value) {
    return encodeURIComponent(value);
}

/** The profile's address in the UI: a centre's own users have theirs at /my-centre. */
export function centreHref(centreId) {
    return currentUser()?.centreId === centreId ? '#/my-centre' : '#/centres/' + enc(centreId);
}

export function isAdmin() {
    return hasRole('IMI_ADMIN');
}

/** The centre's coordinator (manages its users) or an IMI administrator. */
export function managesUsersOf(centreId) {
    return isAdmin() || (hasRole('CENTRE_COORDINATOR') && currentUser()?.centreId === centreId);
}

export function seesUsersOf(centreId) {
    return isImiStaff() || managesUsersOf(centreId);
}

/** Users of the centre and IMI administrators may raise, reply to and close requests; an auditor only reads. */
export function writesRequestsOf(centreId) {
    return isAdmin() || currentUser()?.centreId === centreId;
}

/** Every item of a paged list, page after page (the lists the hub reads are small). */
export async function allPages(path) {
    const items = [];
    const joiner = path.includes('?') ? '&' : '?';
    for (let pageNumber = 0; ; pageNumber++) {
        const answer = await get(path + joiner + 'page=' + pageNumber + '&size=200');
        items.push(...answer.items);
        if (!answer.items.length || items.length >= answer.total) {
            return items;
        }
    }
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Reads until test(answer) holds: the read side shows a change a moment after the command succeeded. Answers the
 * last answer read (also when the wait ran out: the page then shows what the server has so far).
 */
export async function awaitRead(read, test, timeoutMs = 10000) {
    const end = Date.now() + timeoutMs;
    let last = null;
    for (;;) {
        try {
            last = await read();
            if (test(last)) {
                return last;
            }
        } catch (error) {
            if (error.status !== 404) {
                throw error;
            }
        }
        if (Date.now() > end) {
            return last;
        }
        await sleep(250);
    }
}

/**
 * A dialog whose call is made on submit: a field error stays in the dialog beside its field; any other refusal
 * closes it and is shown on the page in the server's words. Answers {values, answer} on success, else null.
 */
export async function act(spec, call) {
    const result = await dialog({...spec, submit: async (values, formElement) => {
        try {
            return {values, answer: await call(values, formElement)};
        } catch (error) {
            if (error.fieldErrors && error.fieldErrors.length) {
                throw error;
            }
            return {error};
        }
    }});
    if (!result) {
        return null;
    }
    if (result.error) {
        notify(result.error.message, 'error');
        return null;
    }
    return result;
}

/** act() with the one required Reason field the server asks for. */
export async function actWithReason(title, intro, call, submitLabel) {
    const result = await askReason(title, intro, async values => {
        try {
            return {values, answer: await call(values.reason)};
        } catch (error) {
            if (error.fieldErrors && error.fieldErrors.length) {
                throw error;
            }
            return {error};
        }
    }, submitLabel);
    if (!result) {
        return null;
    }
    if (result.error) {
        notify(result.error.message, 'error');
        return null;
    }
    return result;
}

/**
 * A group of checkboxes under one legend whose server field errors appear beneath it (the holder is named by the
 * API's field). options: [{value, label}].
 */
export function checkboxGroup({field, legend, hint, name, options, checked = []}) {
    const errorId = 'err-' + field + '-' + Math.random().toString(36).slice(2, 8);
    return h('fieldset', {class: 'field choices', dataset: {field}, 'aria-describedby': errorId},
        h('legend', {}, legend),
        hint ? h('p', {class: 'hint'}, hint) : null,
        h('p', {class: 'field-error', id: errorId, hidden: true}),
        options.map((option, index) => {
            const id = errorId + '-' + index;
            return h('div', {class: 'choice'},
                h('input', {type: 'checkbox', id, name, value: option.value, checked: checked.includes(option.value)}),
                h('label', {for: id}, option.label));
        }));
}

/** The values of the ticked boxes of a checkbox group in a form. */
export function ticked(formElement, name) {
    return [...formElement.querySelectorAll('input[type="checkbox"][name="' + name + '"]:checked')]
        .map(box => box.value);
}

/** A panel that shows a new PIN large, to read out or copy at once. */
export function newPinPanel(user, intro) {
    return h('div', {class: 'new-pin', role: 'region', 'aria-label': 'New PIN', tabindex: '-1'},
        h('h3', {}, 'PIN for ' + user.name),
        h('strong', {class: 'key-large', id: 'new-pin'}, user.pin),
        h('p', {}, intro));
}

/** The record at the path; or, when there is none, a "not found" page linking back, and null. */
export async function readOrNotFound(container, path, what, backHref, backText) {
    try {
        return await get(path);
    } catch (error) {
        if (error.status === 404) {
            hubPage(container, what + ' not found', h('p', {class: 'message error'}, error.message),
                h('p', {}, h('a', {href: backHref}, backText)));
            return null;
        }
        throw error;
    }
}

/** page() with the parts this user does not get (null) left out. */
export function hubPage(container, title, ...content) {
    page(container, title, ...content.flat().filter(part => part !== null && part !== undefined && part !== false));
}

/** A filter form's fields are all optional by nature: no "(optional)" beside each. */
export function filterForm(formElement) {
    formElement.querySelectorAll('.optional').forEach(mark => mark.remove());
    return formElement;
}
