// After a sitting: special consideration (ADR 0155) and enquiries about results and appeals (ADR 0156). On the
// candidate's record, the centre applies or asks for a review from the attempt, and follows each to its decision;
// IMI decides from two queues, "Special consideration" and "Appeals".
import {download, get, post} from '../api.js';
import {badge, dialog, h, notify, page, pager, section, table, when, words} from '../ui.js';
import {register} from '../router.js';
import {hasRole} from '../session.js';
import {awaitRead, enc} from './hub-common.js';

const PAGE_SIZE = 20;
const CIRCUMSTANCES = [
    {value: 'INCIDENT_IN_ROOM', label: 'An incident in the room (fire alarm, disruption, technical failure)'},
    {value: 'ILLNESS', label: 'Illness'},
    {value: 'BEREAVEMENT', label: 'Bereavement'},
    {value: 'OTHER', label: 'Something else outside the candidate\'s control'}];
const CIRCUMSTANCE_WORDS = Object.fromEntries(CIRCUMSTANCES.map(c => [c.value, c.label.replace(/ \(.*\)$/, '')]));
const DECISION_WORDS = {VOID_AND_RESIT: 'Attempt voided, re-sit allowed at once', NOTE_ON_RECORD: 'Noted on the record',
    REJECTED: 'Rejected'};
const STAGE_WORDS = {RE_CHECKED: 'Re-checked', APPEALED: 'Appealed to IMI', APPEAL_DECIDED: 'Appeal decided'};

function appliesForCentre() {
    return hasRole('CENTRE_ADMIN', 'CENTRE_COORDINATOR');
}

function attemptName(attempt) {
    return attempt.assessmentCode + ', attempt ' + attempt.attemptNumber;
}

function result(outcome, score, maxScore) {
    return [outcome ? badge(outcome, outcome.toLowerCase()) : '', score === null || score === undefined ? ''
        : ' ' + score + (maxScore ? ' / ' + maxScore : '')];
}

/** "Disruption, 3 Mar 2025, 10:15 UTC: Fire alarm…": an incident as the invigilator recorded it. */
function incidentWords(incident, maxLength = Infinity) {
    const text = incident.description.length > maxLength ? incident.description.slice(0, maxLength - 1) + '…'
        : incident.description;
    return words(incident.kind) + ', ' + when(incident.occurredAt) + ': ' + text;
}

/** The incident an application refers to, as recorded in the room: read once the row is drawn. */
function incidentNote(item) {
    const note = h('span', {class: 'hint block incident-note'}, 'Incident ' + item.incidentId);
    get('/api/centres/' + enc(item.centreId) + '/incidents/' + enc(item.incidentId))
        .then(incident => {
            note.textContent = 'Incident recorded in the room (PIN ' + incident.recordedByPin + '): '
                + incidentWords(incident);
        })
        .catch(() => {}); // the reference stays shown
    return note;
}

function considerationText(item) {
    return item.status === 'PENDING' ? 'Waiting for IMI\'s decision'
        : DECISION_WORDS[item.decision] + ' — ' + item.reason + ' (' + when(item.decidedAt) + ')';
}

function enquiryText(item) {
    const parts = ['Clerical re-check: ' + (item.reCheck ? (item.reCheck.result === 'CONFIRMED'
        ? 'result confirmed' : 'result changed to ' + item.reCheck.outcome + ' ' + item.reCheck.score + ' / '
        + item.maxScore) : 'pending')];
    if (item.appeal) {
        parts.push(item.appeal.decision ? 'Appeal ' + item.appeal.decision.toLowerCase() + ': ' + item.appeal.outcome
            + ' ' + item.appeal.score + ' / ' + item.maxScore + ' — ' + item.appeal.reason
            : 'Appeal waiting for IMI\'s decision');
    }
    return parts.join('. ');
}

/**
 * The candidate's applications and enquiries, beside their results: for a centre admin or coordinator, each
 * submitted attempt offers "Apply for special consideration" and "Ask for a review of this result" until used.
 */
export function postResultsSection(candidate, attempts) {
    const base = '/api/candidates/' + enc(candidate.candidateId);
    const box = h('div', {class: 'post-results', 'aria-live': 'polite'}, h('p', {class: 'hint'}, 'Loading…'));
    load();
    return section('Special consideration and reviews of results', box);

    async function load(until) {
        try {
            const read = () => Promise.all([get(base + '/special-considerations?size=50'),
                get(base + '/result-enquiries?size=50')]);
            const [considerations, enquiries] = until ? await awaitRead(read, until) : await read();
            draw(considerations.items, enquiries.items);
        } catch (error) {
            box.textContent = '';
            box.append(h('p', {class: 'message error'}, error.message));
        }
    }

    function draw(considerations, enquiries) {
        box.textContent = '';
        const submitted = attempts.filter(a => a.status === 'SUBMITTED' && !a.voided);
        const rows = submitted.map(attempt => {
            const consideration = considerations.find(c => c.attemptId === attempt.attemptId);
            const enquiry = enquiries.find(e => e.attemptId === attempt.attemptId);
            const actions = [];
            if (appliesForCentre() && !consideration) {
                actions.push(h('button', {type: 'button', class: 'secondary', onclick: () => apply(attempt)},
                    'Apply for special consideration'));
            }
            if (appliesForCentre() && !enquiry) {
                actions.push(h('button', {type: 'button', class: 'secondary', onclick: () => ask(attempt)},
                    'Ask for a review of this result'));
            }
            if (appliesForCentre() && enquiry && enquiry.stage === 'RE_CHECKED') {
                actions.push(h('button', {type: 'button', class: 'secondary', onclick: () => appeal(enquiry)},
                    'Appeal to IMI'));
            }
            return {attempt, actions};
        });
        box.append(submitted.length ? table([
            {label: 'Attempt', value: row => attemptName(row.attempt)},
            {label: 'Result', value: row => result(row.attempt.outcome, row.attempt.score, row.attempt.maxScore)},
            {label: 'Actions', value: row => row.actions.length ? h('div', {class: 'actions'}, row.actions) : ''}],
        rows, '', 'Submitted attempts') : h('p', {class: 'empty'}, 'No submitted attempt to consider or review.'));
        const voidedOnes = considerations.filter(c => !submitted.some(a => a.attemptId === c.attemptId));
        box.append(h('h3', {}, 'Applications for special consideration'),
            considerations.length || voidedOnes.length ? h('ul', {class: 'considerations'}, considerations.map(c =>
                h('li', {id: 'consideration-' + c.considerationId},
                    h('strong', {}, c.assessmentCode), ' · ', CIRCUMSTANCE_WORDS[c.circumstance] || c.circumstance,
                    ' · applied ', when(c.appliedAt), ': ',
                    h('span', {class: 'consideration-status'}, considerationText(c)))))
                : h('p', {class: 'empty'}, 'None.'),
            h('h3', {}, 'Reviews of results and appeals'),
            enquiries.length ? h('ul', {class: 'enquiries'}, enquiries.map(e => h('li', {id: 'enquiry-' + e.enquiryId},
                h('strong', {}, e.assessmentCode), ' · ', STAGE_WORDS[e.stage] || e.stage, ' · ',
                h('span', {class: 'enquiry-status'}, enquiryText(e)))))
                : h('p', {class: 'empty'}, 'None.'));
    }

    async function apply(attempt) {
        // the incidents the invigilator recorded against the test, to refer one: their ids are shown nowhere else
        const incidents = await get('/api/assessment-attempts/' + enc(attempt.attemptId) + '/incidents')
            .catch(() => []);
        const answer = await dialog({
            title: 'Apply for special consideration',
            intro: attemptName(attempt) + '. Apply within 7 days of the sitting; IMI decides.',
            submitLabel: 'Send the application',
            fields: [
                {name: 'circumstance', label: 'What happened', type: 'select', required: true,
                    options: CIRCUMSTANCES},
                {name: 'description', label: 'Description', type: 'textarea', required: true,
                    hint: 'What happened, when, and how it affected the candidate.'},
                incidents.length ? {name: 'incidentId', label: 'Incident recorded in the room', type: 'select',
                    hint: 'As the invigilator recorded it against this test; IMI reads it with the application.',
                    options: [{value: '', label: 'None'}, ...incidents.map(incident => ({value: incident.incidentId,
                        label: incidentWords(incident, 80)}))]} : null,
                {name: 'file', label: 'Evidence', type: 'file',
                    hint: 'A letter, a medical note or a report: PDF, image or office document, up to 25 MB.'}]
                .filter(Boolean),
            submit: async (values, formElement) => {
                const body = new FormData();
                body.append('circumstance', values.circumstance);
                body.append('description', values.description);
                if (values.incidentId) {
                    body.append('incidentId', values.incidentId);
                }
                const file = formElement.elements.file.files[0];
                if (file) {
                    body.append('file', file);
                }
                return post('/api/assessment-attempts/' + enc(attempt.attemptId) + '/special-considerations', body);
            }});
        if (answer) {
            notify('Application sent to IMI.');
            await load(([considerations]) => considerations.items.some(c => c.considerationId
                === answer.considerationId));
        }
    }

    async function ask(attempt) {
        const answer = await dialog({
            title: 'Ask for a review of this result',
            intro: attemptName(attempt) + '. The answers are marked again at once against the key in force when '
                + 'the test was taken; if you are not satisfied you can then appeal to IMI.',
            submitLabel: 'Send the request for review',
            fields: [{name: 'reasons', label: 'Reasons', type: 'textarea', required: true}],
            submit: values => post('/api/assessment-attempts/' + enc(attempt.attemptId) + '/result-enquiries', values)});
        if (answer) {
            notify('The result was re-checked.');
            // re-checked: the enquiry is read as raised a moment before its re-check, which came with it
            await load(([, enquiries]) => enquiries.items.some(e => e.enquiryId === answer.enquiryId
                && e.stage === answer.stage));
        }
    }

    async function appeal(enquiry) {
        const answer = await dialog({
            title: 'Appeal to IMI',
            intro: enquiry.assessmentCode + ': ' + enquiryText(enquiry) + '. Appeal within 14 days of the re-check.',
            submitLabel: 'Send the appeal',
            fields: [{name: 'reasons', label: 'Reasons for the appeal', type: 'textarea', required: true}],
            submit: values => post('/api/assessment-attempts/' + enc(enquiry.attemptId) + '/result-enquiries/'
                + enc(enquiry.enquiryId) + '/appeal', values)});
        if (answer) {
            notify('Appeal sent to IMI.');
            await load(([, enquiries]) => enquiries.items.some(e => e.enquiryId === enquiry.enquiryId
                && e.stage !== 'RE_CHECKED'));
        }
    }
}

function candidateRef(item) {
    return h('a', {href: '#/candidates/' + enc(item.candidateId)}, 'Candidate record');
}

/** A queue page: a filter of the list's states, a table, a pager; rows may offer a decision. */
async function queuePage(container, spec) {
    const list = h('div', {'aria-live': 'polite'});
    const filter = h('select', {id: 'queue-filter', name: spec.parameter, onchange: () => load(0)},
        spec.states.map(([value, label]) => h('option', {value}, label)));
    page(container, spec.title, h('p', {class: 'hint'}, spec.intro),
        h('div', {class: 'toolbar'}, h('label', {for: 'queue-filter'}, 'Show'), filter), list);
    let latest = 0;
    await load(0);

    async function load(pageNumber, until) {
        const mine = ++latest;
        const read = () => get(spec.path + '?page=' + pageNumber + '&size=' + PAGE_SIZE
            + (filter.value ? '&' + spec.parameter + '=' + filter.value : ''));
        const answer = until ? await awaitRead(read, until) : await read();
        if (mine !== latest) {
            return; // another filter or page was asked for meanwhile: its list is the one to show
        }
        list.textContent = '';
        list.append(table(spec.columns(until => load(pageNumber, until)), answer.items, spec.empty, spec.title),
            answer.total > PAGE_SIZE ? pager(answer, next => load(next)) : '');
    }
}

async function considerationsPage(container) {
    await queuePage(container, {
        title: 'Special consideration', path: '/api/special-considerations', parameter: 'status',
        intro: 'Applications from centres for candidates affected at a sitting. Decide each once, with a reason.',
        states: [['PENDING', 'Waiting for a decision'], ['DECIDED', 'Decided'], ['', 'All']],
        empty: 'No applications.',
        columns: reload => [
            {label: 'Applied', value: c => when(c.appliedAt)},
            {label: 'Candidate', value: candidateRef},
            {label: 'Assessment', value: c => c.assessmentCode},
            {label: 'What happened', value: c => [CIRCUMSTANCE_WORDS[c.circumstance] || c.circumstance,
                c.incidentId ? incidentNote(c) : null]},
            {label: 'Description', value: c => c.description},
            {label: 'Evidence', value: c => c.evidence ? h('button', {type: 'button', class: 'secondary',
                onclick: () => download('/api/special-considerations/' + enc(c.considerationId) + '/evidence',
                    c.evidence.mediaType, c.evidence.fileName)}, 'Download ', c.evidence.fileName) : 'None'},
            {label: 'Decision', value: c => c.status === 'PENDING' && hasRole('IMI_ADMIN')
                ? h('button', {type: 'button', onclick: () => decideConsideration(c, reload)}, 'Decide')
                : considerationText(c)}]});
}

async function decideConsideration(item, reload) {
    const answer = await dialog({
        title: 'Decide special consideration',
        intro: item.assessmentCode + ': ' + item.description,
        submitLabel: 'Record the decision',
        fields: [
            {name: 'decision', label: 'Decision', type: 'select', required: true, options: [
                {value: 'VOID_AND_RESIT', label: 'Void the attempt and allow a re-sit at once'},
                {value: 'NOTE_ON_RECORD', label: 'Note it on the record; the result stands'},
                {value: 'REJECTED', label: 'Reject'}]},
            {name: 'reason', label: 'Reason', type: 'textarea', required: true,
                hint: 'Kept with your PIN; the centre sees it.'}],
        submit: values => post('/api/special-considerations/' + enc(item.considerationId) + '/decision', values)});
    if (answer) {
        notify('Decision recorded.');
        await reload(answer => !answer.items.some(c => c.considerationId === item.considerationId
            && c.status === 'PENDING'));
    }
}

async function appealsPage(container) {
    await queuePage(container, {
        title: 'Appeals', path: '/api/result-enquiries', parameter: 'stage',
        intro: 'Centres\' appeals against results, after the clerical re-check. Uphold with the corrected result, or'
            + ' dismiss; either with a reason.',
        states: [['APPEALED', 'Waiting for a decision'], ['APPEAL_DECIDED', 'Decided'],
            ['RE_CHECKED', 'Re-checked, not appealed'], ['', 'All']],
        empty: 'No appeals.',
        columns: reload => [
            {label: 'Asked', value: e => when(e.raisedAt)},
            {label: 'Candidate', value: candidateRef},
            {label: 'Assessment', value: e => e.assessmentCode},
            {label: 'Result', value: e => result(e.originalOutcome, e.originalScore, e.maxScore)},
            {label: 'Centre\'s reasons', value: e => [e.reasons, e.appeal ? h('span', {class: 'hint block'},
                'Appeal: ' + e.appeal.reasons) : null]},
            {label: 'Decision', value: e => e.stage === 'APPEALED' && hasRole('IMI_ADMIN')
                ? h('button', {type: 'button', onclick: () => decideAppeal(e, reload)}, 'Decide')
                : enquiryText(e)}]});
}

async function decideAppeal(item, reload) {
    const answer = await dialog({
        title: 'Decide the appeal',
        intro: item.assessmentCode + ': ' + enquiryText(item) + '. An upheld appeal gives the corrected outcome and'
            + ' score (out of ' + item.maxScore + ').',
        submitLabel: 'Record the decision',
        fields: [
            {name: 'decision', label: 'Decision', type: 'select', required: true, options: [
                {value: 'UPHELD', label: 'Upheld: correct the result'},
                {value: 'DISMISSED', label: 'Dismissed: the result stands'}]},
            {name: 'outcome', label: 'Corrected outcome', type: 'select', options: [
                {value: '', label: 'None (dismissed)'}, {value: 'PASS', label: 'Pass'},
                {value: 'FAIL', label: 'Fail'}]},
            {name: 'score', label: 'Corrected score', type: 'number', attrs: {min: 0, max: item.maxScore}},
            {name: 'reason', label: 'Reason', type: 'textarea', required: true,
                hint: 'For example: item 3 defective, credited to every candidate. Kept with your PIN.'}],
        submit: values => post('/api/result-enquiries/' + enc(item.enquiryId) + '/decision', {
            decision: values.decision, reason: values.reason,
            outcome: values.outcome || null, score: values.score === '' ? null : Number(values.score)})});
    if (answer) {
        notify('Decision recorded.');
        await reload(answer => !answer.items.some(e => e.enquiryId === item.enquiryId && e.stage === 'APPEALED'));
    }
}

register(
    {path: '/special-consideration', nav: 'Special consideration', roles: ['IMI_ADMIN', 'AUDITOR'],
        summary: 'Decide centres\' applications for candidates affected at a sitting.', render: considerationsPage},
    {path: '/appeals', nav: 'Appeals', roles: ['IMI_ADMIN', 'AUDITOR'],
        summary: 'Decide centres\' appeals against results.', render: appealsPage});

