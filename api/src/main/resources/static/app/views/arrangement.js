// Access arrangements (ADR 0153): the section on a candidate's page that lists them and lets the centre request
// one, and IMI's page of the arrangements awaiting a decision, approved or rejected there with a reason.
import {download, get, post} from '../api.js';
import {badge, button, flash, form, h, notify, page, pager, section, table, when} from '../ui.js';
import {go, register} from '../router.js';
import {hasRole} from '../session.js';
import {actWithReason, awaitRead, enc} from './hub-common.js';

const REQUESTERS = ['CENTRE_COORDINATOR', 'CENTRE_ADMIN'];
export const ARRANGEMENT_READERS = ['IMI_ADMIN', 'AUDITOR', ...REQUESTERS];
const KINDS = [
    {value: 'EXTRA_TIME', label: 'Extra time'},
    {value: 'REST_BREAKS', label: 'Supervised rest breaks'},
    {value: 'READER', label: 'A reader'},
    {value: 'SCREEN_READER', label: 'A screen reader'},
    {value: 'ENLARGED_TEXT', label: 'Enlarged text'},
    {value: 'COLOUR_SCHEME', label: 'A colour scheme'},
    {value: 'SEPARATE_ROOM', label: 'A separate room'}];
const TEXT_SIZES = [{value: 'LARGE', label: 'Large (125%)'}, {value: 'EXTRA_LARGE', label: 'Extra large (150%)'},
    {value: 'LARGEST', label: 'Largest (200%)'}];
const COLOUR_SCHEMES = [{value: 'CREAM', label: 'Dark on cream'}, {value: 'LIGHT_BLUE', label: 'Dark on light blue'},
    {value: 'PALE_YELLOW', label: 'Dark on pale yellow'}, {value: 'YELLOW_ON_BLACK', label: 'Yellow on black'}];
const STATUS = {PENDING: ['Awaiting IMI', 'awaiting'], APPROVED: ['Approved', 'approved'],
    REJECTED: ['Rejected', 'rejected'], WITHDRAWN: ['Withdrawn', 'withdrawn']};
const WITHDRAWERS = ['IMI_ADMIN', ...REQUESTERS];
const QUEUE_SIZE = 25;

function base(candidateId) {
    return '/api/candidates/' + enc(candidateId) + '/access-arrangements';
}

/** What was asked for, in words: "Extra time: 25%", "A colour scheme: Dark on cream". */
export function arrangementWords(arrangement) {
    const kind = KINDS.find(item => item.value === arrangement.kind)?.label || arrangement.kind;
    const setting = arrangement.extraTimePercent ? arrangement.extraTimePercent + '%'
        : TEXT_SIZES.find(item => item.value === arrangement.textSize)?.label
        || COLOUR_SCHEMES.find(item => item.value === arrangement.colourScheme)?.label;
    return setting ? kind + ': ' + setting : kind;
}

/**
 * The arrangements applied to a test, in words, for the invigilator: "25% extra time, supervised rest breaks";
 * "None" when the candidate has none.
 */
export function adjustmentWords(adjustments) {
    if (!adjustments) {
        return 'None';
    }
    const words = [];
    if (adjustments.extraTimePercent) {
        words.push(adjustments.extraTimePercent + '% extra time');
    }
    const kinds = {restBreaks: 'REST_BREAKS', reader: 'READER', screenReader: 'SCREEN_READER',
        separateRoom: 'SEPARATE_ROOM'};
    for (const [flag, kind] of Object.entries(kinds)) {
        if (adjustments[flag]) {
            words.push(KINDS.find(item => item.value === kind).label.toLowerCase());
        }
    }
    if (adjustments.textSize) {
        words.push('text ' + TEXT_SIZES.find(item => item.value === adjustments.textSize).label.toLowerCase());
    }
    if (adjustments.colourScheme) {
        words.push(COLOUR_SCHEMES.find(item => item.value === adjustments.colourScheme).label.toLowerCase());
    }
    return words.length ? words.join(', ') : 'None';
}

function statusOf(arrangement) {
    const [words, kind] = STATUS[arrangement.status] || [arrangement.status, 'kind'];
    return badge(words, kind);
}

function decision(arrangement) {
    const withdrawal = arrangement.withdrawal;
    const withdrawn = withdrawal ? 'Withdrawn (PIN ' + withdrawal.byPin + '), ' + when(withdrawal.at) + ': '
        + withdrawal.reason : null;
    if (!arrangement.decidedAt) {
        return withdrawn || 'Waiting for IMI';
    }
    const decided = (arrangement.automatically ? 'By policy' : 'By IMI (PIN ' + arrangement.decidedByPin + ')')
        + ', ' + when(arrangement.decidedAt) + ': ' + arrangement.decisionReason;
    return withdrawn ? [decided, h('br'), withdrawn] : decided;
}

function evidenceButton(arrangement) {
    if (!arrangement.evidence) {
        return 'None';
    }
    return button('Download ' + arrangement.evidence.fileName, () => download(
        base(arrangement.candidateId) + '/' + enc(arrangement.arrangementId) + '/evidence',
        arrangement.evidence.mediaType, arrangement.evidence.fileName).catch(error => notify(error.message, 'error')),
    'secondary');
}

/** The candidate page's section: the candidate's arrangements, and for the centre a form to request one. */
export function arrangementsSection(candidate) {
    const list = h('div', {'aria-live': 'polite'}, h('p', {class: 'hint'}, 'Loading access arrangements…'));

    async function load(until) {
        try {
            const read = () => get(base(candidate.candidateId));
            const arrangements = until ? await awaitRead(read, until) : await read();
            list.textContent = '';
            list.append(table([
                {label: 'Arrangement', value: arrangementWords},
                {label: 'Status', value: statusOf},
                {label: 'Reason', value: arrangement => arrangement.reason},
                {label: 'Requested', value: arrangement => when(arrangement.requestedAt)},
                {label: 'Decision', value: decision},
                {label: 'Evidence', value: evidenceButton},
                ...(hasRole(...WITHDRAWERS) ? [{label: 'Actions', value: withdrawButton}] : [])
            ], arrangements, 'No access arrangements.', 'Access arrangements of ' + candidate.registrationNumber));
        } catch (error) {
            list.textContent = '';
            list.append(h('p', {class: 'message error'}, 'The access arrangements could not be read: '
                + error.message));
        }
    }

    /** Pending or approved: the centre or IMI may withdraw it, saying why. */
    function withdrawButton(arrangement) {
        if (arrangement.status !== 'PENDING' && arrangement.status !== 'APPROVED') {
            return '';
        }
        const words = arrangementWords(arrangement);
        return button('Withdraw “' + words + '”', async () => {
            const result = await actWithReason('Withdraw “' + words + '”?',
                'It applies to no test the candidate starts from now on; a test already started keeps it.',
                reason => post(base(candidate.candidateId) + '/' + enc(arrangement.arrangementId) + '/withdraw',
                    {reason}),
                'Withdraw');
            if (result) {
                notify('“' + words + '” is withdrawn.', 'ok');
                await load(arrangements => arrangements.some(item => item.arrangementId === arrangement.arrangementId
                    && item.status === 'WITHDRAWN'));
            }
        }, 'secondary');
    }

    const requestForm = () => form({id: 'arrangement-form', submitLabel: 'Request the arrangement', fields: [
        {name: 'kind', label: 'Arrangement', type: 'select', required: true,
            options: [{value: '', label: 'Choose one'}, ...KINDS]},
        {name: 'extraTimePercent', label: 'Extra time (%)', type: 'number', hint: 'For extra time only: 5 to 100. '
            + 'Up to 25% is approved at once; more waits for IMI.', attrs: {min: 5, max: 100, step: 1}},
        {name: 'textSize', label: 'Text size', type: 'select', hint: 'For enlarged text only.',
            options: [{value: '', label: 'Not needed'}, ...TEXT_SIZES]},
        {name: 'colourScheme', label: 'Colour scheme', type: 'select', hint: 'For a colour scheme only.',
            options: [{value: '', label: 'Not needed'}, ...COLOUR_SCHEMES]},
        {name: 'reason', label: 'Why the candidate needs it', type: 'textarea', required: true, hint: 'As the centre '
            + 'assessed it. Kept with your PIN.', attrs: {maxlength: 1000}},
        {name: 'file', label: 'Evidence', type: 'file', hint: 'A PDF, image or office document, up to 25 MB '
            + '(an assessor\'s report, a specialist\'s letter).'}],
    submit: async (values, formElement) => {
        const data = new FormData();
        for (const name of ['kind', 'extraTimePercent', 'textSize', 'colourScheme', 'reason']) {
            if (values[name]) {
                data.append(name, values[name]);
            }
        }
        const file = formElement.elements.file.files[0];
        if (file) {
            data.append('file', file);
        }
        const answer = await post(base(candidate.candidateId), data);
        notify(answer.status === 'APPROVED' ? 'The arrangement is approved: policy allows it without IMI\'s review.'
            : 'The arrangement is requested: it waits for IMI\'s decision.', 'ok');
        formElement.reset();
        // in the status the answer gave: one the policy approved is read as requested a moment before it is approved
        await load(arrangements => arrangements.some(item => item.arrangementId === answer.arrangementId
            && item.status === answer.status));
    }});

    load();
    return section('Access arrangements',
        h('p', {class: 'hint'}, 'Approved arrangements apply to every test the candidate starts: extra time is added '
            + 'to the time limit and the test page opens with the display settings.'),
        list,
        hasRole(...REQUESTERS) && candidate.status === 'REGISTERED'
            ? [h('h3', {}, 'Request an access arrangement'), requestForm()] : null);
}

/** IMI's queue: every centre's arrangements awaiting a decision, oldest first. */
async function queuePage(container, params, query) {
    const pageNumber = Math.max(0, Number.parseInt(query.get('page') || '0', 10) || 0);
    const response = await get('/api/access-arrangements/queue?page=' + pageNumber + '&size=' + QUEUE_SIZE,
        {raw: true});
    const items = await response.json();
    const total = Number(response.headers.get('X-Total-Count') || items.length);
    const decides = hasRole('IMI_ADMIN');
    const decide = (arrangement, approve) => async () => {
        const words = arrangementWords(arrangement);
        const result = await actWithReason((approve ? 'Approve “' : 'Reject “') + words + '”?',
            approve ? 'It applies to every test the candidate starts from now on.'
                : 'The centre is shown your reason.',
            reason => post(base(arrangement.candidateId) + '/' + enc(arrangement.arrangementId)
                + (approve ? '/approve' : '/reject'), {reason}),
            approve ? 'Approve' : 'Reject');
        if (result) {
            const said = '“' + words + '” is ' + (approve ? 'approved.' : 'rejected.');
            notify(said, 'ok');
            await awaitRead(() => get('/api/access-arrangements/queue?page=0&size=200'),
                queue => !queue.some(item => item.arrangementId === arrangement.arrangementId));
            // the queue is drawn again without it: the notice stays with the new page
            flash(said, 'ok');
            go('/access-arrangements' + (pageNumber ? '?page=' + pageNumber : ''));
        }
    };
    page(container, 'Access arrangements',
        h('p', {class: 'lead'}, 'Requests from every centre that wait for IMI\'s decision, oldest first. Extra time '
            + 'of up to 25%, rest breaks, a screen reader, enlarged text and colour schemes are approved at once '
            + 'and never wait here.'),
        table([
            {label: 'Arrangement', value: arrangementWords},
            {label: 'Candidate', value: arrangement => h('a', {href: '#/candidates/' + enc(arrangement.candidateId)},
                'Candidate record')},
            {label: 'Reason', value: arrangement => arrangement.reason},
            {label: 'Requested', value: arrangement => when(arrangement.requestedAt) + ' (PIN '
                + arrangement.requestedByPin + ')'},
            {label: 'Evidence', value: evidenceButton},
            {label: 'Decision', value: arrangement => decides ? h('div', {class: 'row-actions'},
                h('button', {type: 'button', onclick: decide(arrangement, true)},
                    'Approve ' + arrangementWords(arrangement)),
                h('button', {type: 'button', class: 'secondary', onclick: decide(arrangement, false)},
                    'Reject ' + arrangementWords(arrangement))) : 'Waiting for IMI'}
        ], items, 'Nothing is waiting for a decision.', 'Access arrangements awaiting a decision'),
        total > QUEUE_SIZE ? pager({page: pageNumber, size: QUEUE_SIZE, total},
            next => go('/access-arrangements?page=' + next)) : null);
}

register({path: '/access-arrangements', nav: 'Access arrangements', roles: ['IMI_ADMIN', 'AUDITOR'],
    summary: 'Extra time, readers and other arrangements waiting for a decision', render: queuePage});
