// Personal data (ADR 0166): IMI's Privacy page (the daily review, the queue of candidates' records at the end of
// their retention period with the decisions on each: erase, hold, keep longer; the legal holds standing, each with
// Lift), and the Privacy panel of a candidate's page (its retention, the same decisions, and the subject access
// export). Nothing is erased but by an IMI administrator here, one record at a time, with a reason and legal basis.
import {download, get, post} from '../api.js';
import {badge, button, day, details, flash, h, notify, page, pager, section, table, when} from '../ui.js';
import {go, register} from '../router.js';
import {hasRole} from '../session.js';
import {act, awaitRead, enc} from './hub-common.js';

export const PRIVACY_READERS = ['IMI_ADMIN', 'AUDITOR'];
const QUEUE_SIZE = 25;
const BASIS_WORDS = {
    CERTIFICATION: 'Certificated',
    WITHDRAWAL: 'Withdrawn',
    LAST_ACTIVITY: 'Neither certificated nor withdrawn'
};

function candidatePath(candidateId) {
    return '/api/candidates/' + enc(candidateId);
}

function retentionOf(candidateId) {
    return get(candidatePath(candidateId) + '/retention');
}

/** "Withdrawn; last activity 4 May 2026 (CandidateWithdrawn)". */
function countedWords(record) {
    return (BASIS_WORDS[record.basis] || record.basis) + '; last activity ' + day(record.countedFrom)
        + ' (' + record.lastActivity + ')';
}

/** Held, erased, due or due on a day, as a badge. */
export function retentionBadge(record) {
    if (record.erasure) {
        return badge('Erased', 'erased');
    }
    if (record.legalHold) {
        return badge('Legal hold', 'held');
    }
    return record.due ? badge('Due for a decision', 'due') : badge('Kept until ' + day(record.dueOn), 'kept');
}

const REASON = {name: 'reason', label: 'Reason', type: 'textarea', required: true,
    hint: 'Kept in the audit trail with your PIN. Name no one.', attrs: {maxlength: 1000}};
const LEGAL_BASIS = {name: 'legalBasis', label: 'Legal basis', required: true, attrs: {maxlength: 200},
    hint: 'The ground in law, for example "UK GDPR Art. 17(1)(a): no longer necessary".'};

/**
 * The decisions on one record, each asking for its reason (and legal basis) in a dialog; answers what was done, in
 * words, once the server accepted it (null when cancelled or refused). decision: 'erase', 'hold', 'lift' or
 * 'extend'.
 */
async function decide(record, decision) {
    const number = record.registrationNumber;
    const path = candidatePath(record.candidateId);
    const specs = {
        erase: {title: 'Erase the personal data of ' + number + '?', submitLabel: 'Erase for good',
            intro: 'The candidate\'s name, date of birth, ULN and every free text about them become unreadable for '
                + 'good. The record, its results and certificates stay, with nobody\'s name on them. This cannot be '
                + 'undone.',
            fields: [REASON, LEGAL_BASIS],
            call: values => post(path + '/erasure', {reason: values.reason, legalBasis: values.legalBasis}),
            done: number + ' is erased.'},
        hold: {title: 'Place a legal hold on ' + number + '?', submitLabel: 'Place the hold',
            intro: 'Nothing about the candidate may be erased while the hold stands.',
            fields: [{name: 'caseId', label: 'Case', hint: 'The investigation case, if there is one.',
                attrs: {maxlength: 100, autocomplete: 'off'}}, REASON, LEGAL_BASIS],
            call: values => post(path + '/legal-hold',
                {caseId: values.caseId || null, reason: values.reason, legalBasis: values.legalBasis}),
            done: 'A legal hold stands on ' + number + '.'},
        lift: {title: 'Lift the legal hold on ' + number + '?', submitLabel: 'Lift the hold',
            intro: 'The record may be erased again once its retention ends.',
            fields: [REASON],
            call: values => post(path + '/legal-hold/lift', {reason: values.reason}),
            done: 'The legal hold on ' + number + ' is lifted.'},
        extend: {title: 'Keep ' + number + ' longer?', submitLabel: 'Keep the record',
            intro: 'A decision about the record falls due again the day after the date you give.',
            fields: [{name: 'keepUntil', label: 'Keep until', type: 'date', required: true}, REASON, LEGAL_BASIS],
            call: values => post(path + '/retention/extension', {keepUntil: values.keepUntil || null,
                reason: values.reason, legalBasis: values.legalBasis}),
            done: number + ' is kept longer.'}
    };
    const spec = specs[decision];
    const result = await act({title: spec.title, intro: spec.intro, fields: spec.fields,
        submitLabel: spec.submitLabel}, spec.call);
    if (result) {
        notify(spec.done, 'ok');
        return spec.done;
    }
    return null;
}

/** What the read side shows once a decision is in it. */
const SHOWN = {
    erase: record => !!record.erasure,
    hold: record => !!record.legalHold,
    lift: record => !record.legalHold,
    extend: record => !!record.extension
};

function decisionButtons(record, after) {
    if (!hasRole('IMI_ADMIN') || record.erasure) {
        return null;
    }
    const one = (label, decision, kind) => button(label + ' ' + record.registrationNumber, async () => {
        const said = await decide(record, decision);
        if (said) {
            await after(decision, said);
        }
    }, kind);
    return h('div', {class: 'row-actions'},
        record.legalHold ? one('Lift the hold on', 'lift', 'secondary') : [
            one('Erase', 'erase', 'danger'),
            one('Hold', 'hold', 'secondary'),
            one('Keep longer', 'extend', 'secondary')]);
}

function reviewSummary(reviews) {
    const last = reviews[0];
    if (!last) {
        return h('p', {class: 'hint', id: 'retention-review'}, 'No daily review has run yet: it runs every day at '
            + '06:00 UTC, lists the records due and emails IMI administrators when records fall due.');
    }
    return h('p', {id: 'retention-review'}, 'Reviewed ' + when(last.reviewedAt) + ': ' + last.due
        + (last.due === 1 ? ' record' : ' records') + ' due for a decision, ' + last.newlyDue
        + ' newly due' + (last.oldestDueOn ? ', the longest due since ' + day(last.oldestDueOn) : '') + '; '
        + last.notified + (last.notified === 1 ? ' administrator' : ' administrators') + ' emailed.');
}

/** IMI's page: the daily review, the queue, the legal holds standing. */
async function privacyPage(container, params, query) {
    const pageNumber = Math.max(0, Number.parseInt(query.get('page') || '0', 10) || 0);
    const [response, holds, reviews] = await Promise.all([
        get('/api/retention/queue?page=' + pageNumber + '&size=' + QUEUE_SIZE, {raw: true}),
        get('/api/retention/legal-holds'),
        get('/api/retention/reviews?page=0&size=1')]);
    const queue = await response.json();
    const total = Number(response.headers.get('X-Total-Count') || queue.length);
    const here = '/privacy' + (pageNumber ? '?page=' + pageNumber : '');

    /** Once the read side shows the decision, the page is drawn again with the notice kept. */
    const redraw = record => async (decision, said) => {
        await awaitRead(() => retentionOf(record.candidateId), SHOWN[decision]);
        flash(said, 'ok');
        go(here);
    };
    const recordLink = record => h('a', {href: '#/candidates/' + enc(record.candidateId)},
        h('span', {class: 'code'}, record.registrationNumber));

    page(container, 'Privacy',
        h('p', {class: 'lead'}, 'Candidates\' records at the end of their retention period, and the legal holds that '
            + 'keep records from erasure. Nothing is erased until an IMI administrator decides, here or on the '
            + 'candidate\'s page; each decision is kept with who made it, why and on what legal basis.'),
        section('Daily review', reviewSummary(reviews)),
        section('Due for a decision',
            table([
                {label: 'Registration number', value: recordLink},
                {label: 'Retention', value: countedWords},
                {label: 'Due since', value: record => day(record.dueOn)},
                {label: 'Kept until', value: record => record.extension ? day(record.extension.keepUntil) : ''},
                {label: 'Decision', value: record => decisionButtons(record, redraw(record)) || 'For IMI administrators'}
            ], queue, 'No record is due for a decision.', 'Records due for a decision, longest due first'),
            total > QUEUE_SIZE ? pager({page: pageNumber, size: QUEUE_SIZE, total},
                next => go('/privacy?page=' + next)) : null),
        section('Legal holds',
            table([
                {label: 'Registration number', value: recordLink},
                {label: 'Case', value: record => record.legalHold.caseId || 'None'},
                {label: 'Reason', value: record => record.legalHold.reason},
                {label: 'Placed', value: record => when(record.legalHold.placedAt) + ' (PIN '
                    + record.legalHold.placedByPin + ')'},
                {label: 'Decision', value: record => decisionButtons(record, redraw(record)) || 'For IMI administrators'}
            ], holds, 'No legal hold stands.', 'Legal holds standing, oldest first')));
}

function subjectAccessLinks(candidate) {
    const path = candidatePath(candidate.candidateId) + '/subject-access';
    const file = 'subject-access-' + candidate.registrationNumber;
    const fetchAs = (accept, name) => () => download(path, accept, name)
        .then(() => notify('Subject access export of ' + candidate.registrationNumber + ' downloaded'))
        .catch(error => notify(error.message, 'error'));
    return h('p', {class: 'actions'},
        button('Subject access export (JSON)', fetchAs('application/json', file + '.json'), 'secondary'),
        button('Subject access export (PDF)', fetchAs('application/pdf', file + '.pdf'), 'secondary'));
}

/** The candidate page's Privacy panel, for IMI staff: the record's retention and IMI's decisions on it. */
export function privacySection(candidate) {
    const holder = h('div', {'aria-live': 'polite', id: 'privacy-status'}, h('p', {class: 'hint'}, 'Loading…'));

    async function load(until) {
        try {
            const read = () => retentionOf(candidate.candidateId);
            const record = until ? await awaitRead(read, until) : await read();
            holder.textContent = '';
            holder.append(
                h('p', {}, retentionBadge(record)),
                details([
                    ['Retention', countedWords(record)],
                    ['Decision due on', record.erasure ? null : day(record.dueOn)],
                    ['Kept until', record.extension ? day(record.extension.keepUntil) + ' (' + record.extension.legalBasis
                        + '; PIN ' + record.extension.byPin + ')' : null],
                    ['Legal hold', record.legalHold ? (record.legalHold.caseId ? 'Case ' + record.legalHold.caseId
                        + ': ' : '') + record.legalHold.reason + ' (' + when(record.legalHold.placedAt) + ', PIN '
                        + record.legalHold.placedByPin + ')' : null],
                    ['Erased', record.erasure ? when(record.erasure.erasedAt) + ' (' + record.erasure.legalBasis
                        + '; PIN ' + record.erasure.byPin + ')' : null]]),
                decisionButtons(record, decision => load(SHOWN[decision])),
                subjectAccessLinks(candidate));
        } catch (error) {
            holder.textContent = '';
            holder.append(h('p', {class: 'message error'}, 'The record\'s retention could not be read: '
                + error.message));
        }
    }

    load();
    return section('Privacy', holder);
}

register({path: '/privacy', nav: 'Privacy', roles: PRIVACY_READERS,
    summary: 'Records due for erasure, legal holds and retention decisions', render: privacyPage});
