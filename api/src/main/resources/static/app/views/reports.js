// The compliance reports: IMI staff across centres (or one), a centre's users their own centre only (the server
// enforces it; the page offers no centre filter to them). Each report: filters, the figures as a table (the text
// alternative of its chart), a chart, and the same rows as CSV. Rows a report flags are highlighted and badged.
import {download, get} from '../api.js';
import {badge, button, day, form, h, notify, page, section, table, when, words} from '../ui.js';
import {go, register} from '../router.js';
import {isImiStaff} from '../session.js';
import {barChart, lineChart} from './charts.js';

// ---- centres by id (shared with the certification and audit pages) -----------------------------------------

/** Every centre this user may see, by id (a centre user's list holds their own centre only). */
export async function centreDirectory() {
    const directory = new Map();
    for (let pageNumber = 0; pageNumber < 50; pageNumber++) {
        const answer = await get('/api/centres?page=' + pageNumber + '&size=200');
        answer.items.forEach(centre => directory.set(centre.centreId, centre));
        if ((pageNumber + 1) * answer.size >= answer.total || !answer.items.length) {
            break;
        }
    }
    return directory;
}

/** "Name (number)", or the id of a centre not in the directory. */
export function centreLabel(directory, centreId) {
    const centre = directory.get(centreId);
    if (!centre) {
        return centreId || '';
    }
    return centre.name + (centre.centreNumber ? ' (' + centre.centreNumber + ')' : '');
}

/** The centres as select options, by name. */
export function centreOptions(directory) {
    return [...directory.values()].sort((a, b) => a.name.localeCompare(b.name))
        .map(centre => ({value: centre.centreId, label: centreLabel(directory, centre.centreId)}));
}

function shortCentre(directory, centreId) {
    const centre = directory.get(centreId);
    return centre ? centre.centreNumber || centre.name : String(centreId).substring(0, 8);
}

// ---- figures -----------------------------------------------------------------------------------------------

function count(value) {
    return value === null || value === undefined ? '—' : Number(value).toLocaleString('en-GB');
}

function decimal(value, digits = 1) {
    return value === null || value === undefined ? '—' : Number(value).toFixed(digits);
}

function percent(value) {
    return value === null || value === undefined ? '—' : Number(value).toFixed(1) + ' %';
}

function sum(rows, field) {
    return rows.reduce((total, row) => total + (Number(row[field]) || 0), 0);
}

function share(part, whole) {
    return whole ? Math.round(part * 1000 / whole) / 10 : 0;
}

function duration(seconds) {
    if (seconds === null || seconds === undefined) {
        return '—';
    }
    const minutes = Math.floor(seconds / 60);
    return minutes + ' min ' + String(seconds % 60).padStart(2, '0') + ' s';
}

/** A table whose flagged rows carry the class "flagged" and a "Flagged" badge in the last column. */
function flaggedTable(columns, rows, isFlagged, empty, caption) {
    const all = [...columns, {label: 'Flag', value: row => isFlagged(row) ? badge('Flagged', 'flagged') : ''}];
    const element = table(all, rows, empty, caption);
    element.querySelectorAll('tbody tr').forEach((row, index) => {
        if (isFlagged(rows[index])) {
            row.classList.add('flagged');
        }
    });
    return element;
}

function flagRule(...text) {
    return h('div', {class: 'flag-rule'}, h('p', {}, badge('Flagged', 'flagged'), ' ', ...text));
}

/** Headline figures as tiles: [label, value] pairs, absent ones skipped. */
export function figures(...items) {
    return h('ul', {class: 'figures'}, items.filter(Boolean).map(([label, value]) =>
        h('li', {}, h('span', {class: 'figure-value'}, value), h('span', {class: 'figure-label'}, label))));
}

/** For IMI staff a candidate or an attempt links to its audit history; centre users see the text. */
function auditLink(context, type, id, text) {
    return context.imi ? h('a', {href: '#/audit/records/' + type + '/' + encodeURIComponent(id)}, text) : text;
}

// ---- the reports -------------------------------------------------------------------------------------------

const REPORTS = [
    {name: 'late-registrations', title: 'Late registrations',
        summary: 'Registrations made more than 90 days after the learning start date, per centre.',
        period: 'the day of registration', render: lateRegistrations},
    {name: 'claim-turnaround', title: 'Claim turnaround',
        summary: 'Days from certificate claim to issue, and the claims awaiting approval now by age.',
        period: 'the day a certificate was issued (claims awaiting approval are those waiting now)',
        render: claimTurnaround},
    {name: 'centre-changes', title: 'Centre changes', noQualification: true,
        summary: 'Approvals, suspensions, sanctions and Direct Claim Status changes over time, with reasons.',
        period: 'the day of the change', render: centreChanges},
    {name: 'amendments', title: 'Amendments',
        summary: 'Changes to candidates\' details per centre, and those made after a result or a claim.',
        period: 'the day of the amendment', render: amendments},
    {name: 'pass-rates', title: 'Pass rates',
        summary: 'Pass rates per centre and assessment against the national rate; unusually high ones flagged.',
        period: 'the day an attempt was submitted', render: passRates},
    {name: 'fast-high-scores', title: 'Fast high scores',
        summary: 'Attempts scoring 90 % or more in under a quarter of the time allowed.',
        period: 'the day an attempt was submitted', render: fastHighScores},
    {name: 'answer-changes', title: 'Answer changes',
        summary: 'Changes of answer from wrong to right per centre and attempt against the national pattern.',
        period: 'the day an attempt was submitted', render: answerChanges},
    {name: 'fair-access', title: 'Fair access',
        summary: 'Access arrangements, special considerations, result enquiries and appeals per centre against the '
            + 'national rate; unusually high ones flagged.',
        period: 'the day an attempt was submitted, and the day an arrangement was requested, a special consideration '
            + 'applied for, an enquiry raised or an appeal lodged', render: fairAccess},
    {name: 'item-statistics', title: 'Item statistics', imiOnly: true,
        summary: 'How each bank item of an assessment performs: facility, discrimination and options chosen.',
        render: itemStatistics}
];

function available(report) {
    return !report.imiOnly || isImiStaff();
}

function reportsPage(container) {
    page(container, 'Reports',
        h('p', {class: 'lead'}, isImiStaff()
            ? 'Compliance reports across every centre, or for one. Each has a chart, the figures as a table and a CSV '
            + 'download.'
            : 'Compliance reports about your centre. Each has a chart, the figures as a table and a CSV download.'),
        h('ul', {class: 'tiles'}, REPORTS.filter(available).map(report => h('li', {},
            h('a', {href: '#/reports/' + report.name}, h('strong', {}, report.title), h('span', {}, report.summary))))));
}

async function reportPage(container, params, query) {
    const report = REPORTS.find(candidate => candidate.name === params.name);
    if (!report) {
        page(container, 'Page not found', h('p', {}, 'There is no such report.'), h('a', {href: '#/reports'}, 'Reports'));
        return;
    }
    if (!available(report)) {
        page(container, 'Not available', h('p', {}, 'Your role does not give access to this report.'));
        return;
    }
    const imi = isImiStaff();
    const [centres, qualifications] = await Promise.all([centreDirectory(), get('/api/qualifications')]);
    const filters = {};
    for (const name of ['centreId', 'qualificationCode', 'assessmentCode', 'from', 'to']) {
        const value = (query.get(name) || '').trim();
        if (value && (name !== 'centreId' || imi)) {
            filters[name] = value;
        }
    }
    const context = {centres, imi, label: id => centreLabel(centres, id), short: id => shortCentre(centres, id),
        filters, query: new URLSearchParams(filters).toString()};

    const fields = [];
    if (report.name === 'item-statistics') {
        fields.push({name: 'assessmentCode', label: 'Assessment', type: 'select', required: true,
            value: filters.assessmentCode, options: [{value: '', label: 'Choose an assessment'},
                ...qualifications.flatMap(qualification => qualification.assessments.map(assessment =>
                    ({value: assessment.code, label: assessment.code + ' · ' + assessment.title})))]});
    }
    if (imi) {
        fields.push({name: 'centreId', label: 'Centre', type: 'select', value: filters.centreId,
            options: [{value: '', label: 'All centres'}, ...centreOptions(centres)]});
    }
    if (!report.noQualification && report.name !== 'item-statistics') {
        fields.push({name: 'qualificationCode', label: 'Qualification', type: 'select', value: filters.qualificationCode,
            options: [{value: '', label: 'All qualifications'}, ...qualifications.map(qualification =>
                ({value: qualification.code, label: qualification.code + ' · ' + qualification.title}))]});
    }
    if (report.period) {
        fields.push({name: 'from', label: 'From', type: 'date', value: filters.from},
            {name: 'to', label: 'To', type: 'date', value: filters.to});
    }
    const filterForm = form({id: 'report-filters', class: 'toolbar', fields, submitLabel: 'Show report',
        submit: async values => {
            const chosen = new URLSearchParams();
            Object.entries(values).forEach(([name, value]) => value && chosen.set(name, value));
            const text = chosen.toString();
            go('/reports/' + report.name + (text ? '?' + text : ''));
        }});

    const content = [h('p', {class: 'lead'}, report.summary),
        section('Filters', filterForm, report.period ? h('p', {class: 'hint'}, 'Dates are inclusive and count '
            + report.period + '. Leave them empty for all dates.'
            + (imi ? '' : ' The figures are your centre\'s only.')) : null)];
    if (report.name === 'item-statistics' && !filters.assessmentCode) {
        content.push(h('p', {class: 'message info'}, 'Choose an assessment to see its items.'));
    } else {
        const path = '/api/reports/' + report.name + (context.query ? '?' + context.query : '');
        try {
            const data = await get(path);
            content.push(h('p', {class: 'hint', id: 'report-scope'}, scope(context)),
                ...[report.render(data, context)].flat());
        } catch (error) {
            content.push(h('p', {class: 'message error', role: 'alert'}, error.message));
        }
    }
    content.push(h('p', {}, h('a', {href: '#/reports'}, 'All reports')));
    page(container, report.title, content);
}

function scope(context) {
    const parts = [];
    parts.push(context.filters.centreId ? 'Centre ' + context.label(context.filters.centreId)
        : context.imi ? 'All centres' : 'Your centre');
    if (context.filters.qualificationCode) {
        parts.push('qualification ' + context.filters.qualificationCode);
    }
    if (context.filters.from || context.filters.to) {
        parts.push((context.filters.from ? 'from ' + day(context.filters.from) : 'up to')
            + (context.filters.to ? (context.filters.from ? ' to ' : ' ') + day(context.filters.to) : ' onwards'));
    } else {
        parts.push('all dates');
    }
    return parts.join(' · ') + '.';
}

/** A button that downloads the API's CSV of the same report (and filters) with the session's token. */
function csvButton(context, path, filename, label = 'Download CSV') {
    return button(label, async () => {
        try {
            await download(path + (context.query ? '?' + context.query : ''), 'text/csv', filename);
            notify('Downloaded ' + filename + '.', 'ok');
        } catch (error) {
            notify(error.message, 'error');
        }
    }, 'secondary csv');
}

function lateRegistrations(data, context) {
    const rows = data.centres;
    const registrations = sum(rows, 'registrations');
    const late = sum(rows, 'late');
    const worst = rows.reduce((top, row) => !top || row.latePercent > top.latePercent ? row : top, null);
    return [
        figures(['registrations', count(registrations)], ['late', count(late)],
            ['late share', percent(share(late, registrations))]),
        rows.length ? barChart({title: 'Late registrations per centre (% of registrations)', yLabel: '% late', max: 100,
            labels: rows.map(row => context.short(row.centreId)),
            bars: [{label: 'Late %', values: rows.map(row => row.latePercent)}],
            summary: rows.length + (rows.length === 1 ? ' centre' : ' centres') + '; the highest late share is '
                + percent(worst.latePercent) + ' at ' + context.label(worst.centreId) + '. The table below has '
                + 'every figure.'}) : null,
        table([
            {label: 'Centre', value: row => context.label(row.centreId)},
            {label: 'Registrations', class: 'number', value: row => count(row.registrations)},
            {label: 'Late', class: 'number', value: row => count(row.late)},
            {label: 'Late %', class: 'number', value: row => decimal(row.latePercent)}
        ], rows, 'No registrations in this period.', 'Registrations and late registrations per centre'),
        h('div', {class: 'actions'}, csvButton(context, '/api/reports/late-registrations', 'late-registrations.csv'))];
}

function claimTurnaround(data, context) {
    const rows = data.centres;
    const bands = ['awaiting0To7Days', 'awaiting8To14Days', 'awaiting15To30Days', 'awaitingOver30Days'];
    const bandLabels = ['0–7 days', '8–14 days', '15–30 days', 'Over 30 days'];
    const waiting = bands.map(band => sum(rows, band));
    const issued = sum(rows, 'issued');
    const awaiting = sum(rows, 'awaiting');
    const withIssues = rows.filter(row => row.issued > 0);
    return [
        figures(['issued in the period', count(issued)], ['awaiting approval now', count(awaiting)],
            ['oldest waiting', awaiting ? Math.max(...rows.map(row => row.oldestAwaitingDays ?? 0)) + ' days' : '—']),
        rows.length ? h('div', {class: 'chart-pair'},
            barChart({title: 'Claims awaiting approval now, by age', yLabel: 'claims', integer: true,
                labels: bandLabels, bars: [{label: 'Claims awaiting', values: waiting}],
                summary: count(awaiting) + ' claims awaiting approval: ' + bandLabels.map((label, index) =>
                    waiting[index] + ' waiting ' + label).join(', ') + '.'}),
            withIssues.length ? barChart({title: 'Days from claim to issue, per centre', yLabel: 'days',
                labels: withIssues.map(row => context.short(row.centreId)),
                bars: [{label: 'Mean days', values: withIssues.map(row => row.meanDaysToIssue)},
                    {label: 'Longest days', values: withIssues.map(row => row.longestDaysToIssue)}],
                summary: withIssues.length + ' centres issued certificates in the period; mean days from claim to '
                    + 'issue range from ' + decimal(Math.min(...withIssues.map(row => row.meanDaysToIssue)))
                    + ' to ' + decimal(Math.max(...withIssues.map(row => row.meanDaysToIssue))) + '.'}) : null)
            : null,
        table([
            {label: 'Centre', value: row => context.label(row.centreId)},
            {label: 'Issued', class: 'number', value: row => count(row.issued)},
            {label: 'Mean days to issue', class: 'number', value: row => decimal(row.meanDaysToIssue)},
            {label: 'Longest days to issue', class: 'number', value: row => count(row.longestDaysToIssue)},
            {label: 'Awaiting', class: 'number', value: row => count(row.awaiting)},
            ...bands.map((band, index) => ({label: 'Waiting ' + bandLabels[index], class: 'number',
                value: row => count(row[band])})),
            {label: 'Oldest waiting (days)', class: 'number', value: row => count(row.oldestAwaitingDays)}
        ], rows, 'No claims issued in this period and none awaiting approval.', 'Claim turnaround per centre'),
        h('div', {class: 'actions'}, csvButton(context, '/api/reports/claim-turnaround', 'claim-turnaround.csv'))];
}

const CHANGE_WORDS = {
    APPROVED: 'Approved', APPROVED_WITH_DCS: 'Approved with Direct Claim Status', SUSPENDED: 'Suspended',
    REINSTATED: 'Reinstated', WITHDRAWN: 'Withdrawn',
    SANCTION_IMPOSED_REGISTRATIONS: 'Sanction imposed: registrations',
    SANCTION_IMPOSED_CERTIFICATION: 'Sanction imposed: certification',
    SANCTION_LIFTED_REGISTRATIONS: 'Sanction lifted: registrations',
    SANCTION_LIFTED_CERTIFICATION: 'Sanction lifted: certification',
    DCS_GRANTED: 'Direct Claim Status granted', DCS_REMOVED: 'Direct Claim Status removed'
};

function centreChanges(data, context) {
    const changes = data.changes;
    const sanctions = changes.filter(change => change.change.startsWith('SANCTION_IMPOSED')).length;
    const runningTotal = new Map();
    changes.forEach((change, index) => runningTotal.set(String(change.at).substring(0, 10), index + 1));
    return [
        figures(['changes', count(changes.length)], ['sanctions imposed', count(sanctions)],
            ['centres', count(new Set(changes.map(change => change.centreId)).size)]),
        changes.length ? lineChart({title: 'Centre changes over time (running total by day, UTC)', yLabel: 'changes',
            integer: true, days: [...runningTotal.keys()],
            series: [{label: 'Changes to date', values: [...runningTotal.values()]}],
            summary: changes.length + ' changes from ' + when(changes[0].at) + ' to '
                + when(changes[changes.length - 1].at) + ', ' + sanctions + ' of them sanctions imposed.'}) : null,
        table([
            {label: 'When', value: change => when(change.at)},
            {label: 'Centre', value: change => context.label(change.centreId)},
            {label: 'Change', value: change => CHANGE_WORDS[change.change] || words(change.change)},
            {label: 'Reason', value: change => change.reason || '—'}
        ], changes, 'No centre changes in this period.', 'Centre changes in time order'),
        h('div', {class: 'actions'}, csvButton(context, '/api/reports/centre-changes', 'centre-changes.csv'))];
}

function amendments(data, context) {
    const rows = data.centres;
    const late = row => row.afterResult + row.afterClaim > 0;
    const flagged = rows.filter(late);
    return [
        figures(['amendments', count(sum(rows, 'amendments'))], ['after a result', count(sum(rows, 'afterResult'))],
            ['after a claim', count(sum(rows, 'afterClaim'))]),
        flagRule('A centre is flagged when any of its amendments was made after the candidate had a result (a '
            + 'submitted attempt) or a certificate claim: such a change can alter what a result or a certificate '
            + 'says, so each one is listed below with its reason. A transfer counts at the centre the candidate left.'),
        rows.length ? barChart({title: 'Amendments per centre', yLabel: 'amendments', integer: true,
            labels: rows.map(row => context.short(row.centreId)),
            bars: [{label: 'All amendments', values: rows.map(row => row.amendments)},
                {label: 'After a result', values: rows.map(row => row.afterResult)},
                {label: 'After a claim', values: rows.map(row => row.afterClaim)}],
            summary: rows.length + ' centres made amendments; ' + flagged.length + ' of them after a result or a '
                + 'claim.'}) : null,
        flaggedTable([
            {label: 'Centre', value: row => context.label(row.centreId)},
            {label: 'Amendments', class: 'number', value: row => count(row.amendments)},
            {label: 'Names', class: 'number', value: row => count(row.names)},
            {label: 'Dates of birth', class: 'number', value: row => count(row.datesOfBirth)},
            {label: 'ULNs', class: 'number', value: row => count(row.ulns)},
            {label: 'Qualifications', class: 'number', value: row => count(row.qualifications)},
            {label: 'Transfers', class: 'number', value: row => count(row.transfers)},
            {label: 'After a result', class: 'number', value: row => count(row.afterResult)},
            {label: 'After a claim', class: 'number', value: row => count(row.afterClaim)}
        ], rows, late, 'No amendments in this period.', 'Amendments per centre, by kind'),
        h('div', {class: 'actions'}, csvButton(context, '/api/reports/amendments', 'amendments.csv')),
        section('Amendments after a result or a claim',
            h('p', {class: 'hint'}, data.lateAmendmentsTotal > data.lateAmendments.length
                ? 'The first ' + count(data.lateAmendments.length) + ' of ' + count(data.lateAmendmentsTotal)
                + ', in time order; the CSV has the same.'
                : count(data.lateAmendmentsTotal) + ' in time order.'),
            table([
                {label: 'When', value: row => when(row.at)},
                {label: 'Candidate', value: row => auditLink(context, 'candidate', row.candidateId,
                    row.candidateId.substring(0, 8))},
                {label: 'Centre', value: row => context.label(row.centreId)},
                {label: 'Qualification', value: row => row.qualificationCode},
                {label: 'What changed', value: row => words(row.kind)},
                {label: 'Reason', value: row => row.reason || '—'},
                {label: 'By PIN', value: row => row.actorPin || '—'},
                {label: 'First result', value: row => row.firstResultAt ? when(row.firstResultAt) : '—'},
                {label: 'First claim', value: row => row.firstClaimAt ? when(row.firstClaimAt) : '—'}
            ], data.lateAmendments, 'None: no amendment came after a result or a claim.'),
            h('div', {class: 'actions'}, csvButton(context, '/api/reports/amendments/after-result-or-claim',
                'amendments-after-result-or-claim.csv', 'Download these as CSV'))) ];
}

function rowLabel(context, rows) {
    const assessments = new Set(rows.map(row => row.assessmentCode));
    return row => context.short(row.centreId) + (assessments.size > 1 ? ' · ' + row.assessmentCode : '');
}

function passRates(data, context) {
    const rows = data.centres;
    const label = rowLabel(context, rows);
    const flagged = rows.filter(row => row.flagged);
    return [
        figures(['centre rows', count(rows.length)], ['flagged', count(flagged.length)],
            ['attempts', count(sum(rows, 'attempts'))]),
        flagRule('A centre is flagged for an assessment when it has at least 20 marked attempts (not voided) and its '
            + 'pass rate is more than two standard errors above the national rate. The standard error is '
            + '√(p(1 − p) / n) for the national pass rate p and the centre\'s n attempts, shown in percentage points. '
            + 'A flag asks for a closer look; it is not a finding.'),
        rows.length ? barChart({title: 'Pass rate per centre against the national rate (%)', yLabel: '% passed',
            max: 100, labels: rows.map(label), bars: [{label: 'Centre pass rate', values: rows.map(row => row.passRate)}],
            lines: [{label: 'National pass rate', values: rows.map(row => row.nationalPassRate)}],
            summary: rows.length + ' centre and assessment rows; ' + flagged.length + ' flagged as well above the '
                + 'national rate.'}) : null,
        flaggedTable([
            {label: 'Centre', value: row => context.label(row.centreId)},
            {label: 'Qualification', value: row => row.qualificationCode},
            {label: 'Assessment', value: row => row.assessmentCode},
            {label: 'Attempts', class: 'number', value: row => count(row.attempts)},
            {label: 'Passes', class: 'number', value: row => count(row.passes)},
            {label: 'Pass rate %', class: 'number', value: row => decimal(row.passRate)},
            {label: 'National %', class: 'number', value: row => decimal(row.nationalPassRate)},
            {label: 'Standard error (points)', class: 'number', value: row => decimal(row.standardError, 2)}
        ], rows, row => row.flagged, 'No marked attempts in this period.', 'Pass rates per centre and assessment'),
        h('div', {class: 'actions'}, csvButton(context, '/api/reports/pass-rates', 'pass-rates.csv')),
        section('National pass rates', table([
            {label: 'Qualification', value: row => row.qualificationCode},
            {label: 'Assessment', value: row => row.assessmentCode},
            {label: 'Attempts', class: 'number', value: row => count(row.attempts)},
            {label: 'Passes', class: 'number', value: row => count(row.passes)},
            {label: 'Pass rate %', class: 'number', value: row => decimal(row.passRate)}
        ], data.national, 'No marked attempts in this period.'))];
}

function fastHighScores(data, context) {
    const attempts = data.attempts;
    const perCentre = new Map();
    attempts.forEach(attempt => perCentre.set(attempt.centreId, (perCentre.get(attempt.centreId) || 0) + 1));
    const centres = [...perCentre.keys()];
    const flagged = attempt => !attempt.voided;
    return [
        figures(['attempts listed', count(data.total)], ['voided since', count(attempts.filter(a => a.voided).length)],
            ['centres', count(centres.length)]),
        flagRule('Every attempt listed is flagged: it scored at least 90 % in under a quarter of the time allowed '
            + '(time taken from start to submission; time allowed from start to the end time). A voided attempt is '
            + 'shown as voided and no longer flagged. A flag asks for a closer look at the sitting; it is not a '
            + 'finding.'),
        centres.length ? barChart({title: 'Fast high scores per centre', yLabel: 'attempts', integer: true,
            labels: centres.map(context.short), bars: [{label: 'Attempts', values: centres.map(id => perCentre.get(id))}],
            summary: data.total + ' attempts at ' + centres.length + ' centres scored 90 % or more in under a '
                + 'quarter of the time.'}) : null,
        h('p', {class: 'hint'}, data.total > attempts.length ? 'The first ' + count(attempts.length) + ' of '
            + count(data.total) + ', in submission order.' : 'In submission order.'),
        flaggedTable([
            {label: 'Submitted', value: attempt => when(attempt.submittedAt)},
            {label: 'Candidate', value: attempt => auditLink(context, 'attempt', attempt.attemptId,
                attempt.registrationNumber || attempt.candidateId.substring(0, 8))},
            {label: 'Centre', value: attempt => context.label(attempt.centreId)},
            {label: 'Assessment', value: attempt => attempt.assessmentCode},
            {label: 'Invigilator PIN', value: attempt => attempt.invigilatorPin || '—'},
            {label: 'Score', class: 'number', value: attempt => percent(attempt.percent)},
            {label: 'Time taken', class: 'number', value: attempt => duration(attempt.secondsTaken) + ' of '
                + duration(attempt.secondsAllowed)},
            {label: 'Time used', class: 'number', value: attempt => percent(attempt.timeUsedPercent)},
            {label: 'Status', value: attempt => attempt.voided ? badge('Voided', 'voided') : ''}
        ], attempts, flagged, 'No fast high scores in this period.', 'Attempts scoring 90 % or more in under a '
            + 'quarter of the time'),
        h('div', {class: 'actions'}, csvButton(context, '/api/reports/fast-high-scores', 'fast-high-scores.csv'))];
}

function answerChanges(data, context) {
    const rows = data.centres;
    const label = rowLabel(context, rows);
    return [
        figures(['centre rows flagged', count(rows.filter(row => row.flagged).length)],
            ['attempts with wrong-to-right changes', count(data.attemptsTotal)],
            ['attempts flagged', count(data.attempts.filter(attempt => attempt.flagged).length)]),
        flagRule('A centre is flagged for an assessment when it has at least 20 marked attempts (not voided) and its '
            + 'mean number of changes from a wrong answer to the right one per attempt is more than three standard '
            + 'errors (the national standard deviation ÷ √n) above the national mean. An attempt is flagged when it '
            + 'has at least 3 such changes and more than the national mean plus three standard deviations. A flag '
            + 'asks for a closer look; it is not a finding.'),
        rows.length ? barChart({title: 'Wrong-to-right changes per attempt, per centre, against the national mean',
            yLabel: 'changes per attempt', labels: rows.map(label),
            bars: [{label: 'Centre mean', values: rows.map(row => row.meanWrongToRight)}],
            lines: [{label: 'National mean', values: rows.map(row => row.nationalMeanWrongToRight)}],
            summary: rows.length + ' centre and assessment rows; ' + rows.filter(row => row.flagged).length
                + ' flagged as far above the national mean.'}) : null,
        flaggedTable([
            {label: 'Centre', value: row => context.label(row.centreId)},
            {label: 'Qualification', value: row => row.qualificationCode},
            {label: 'Assessment', value: row => row.assessmentCode},
            {label: 'Attempts', class: 'number', value: row => count(row.attempts)},
            {label: 'Changes', class: 'number', value: row => count(row.changes)},
            {label: 'Wrong to right', class: 'number', value: row => count(row.wrongToRight)},
            {label: 'Mean per attempt', class: 'number', value: row => decimal(row.meanWrongToRight, 2)},
            {label: 'National mean', class: 'number', value: row => decimal(row.nationalMeanWrongToRight, 2)},
            {label: 'Standard error', class: 'number', value: row => decimal(row.standardError, 2)}
        ], rows, row => row.flagged, 'No marked attempts in this period.', 'Answer changes per centre and assessment'),
        h('div', {class: 'actions'}, csvButton(context, '/api/reports/answer-changes', 'answer-changes.csv')),
        section('National pattern', table([
            {label: 'Qualification', value: row => row.qualificationCode},
            {label: 'Assessment', value: row => row.assessmentCode},
            {label: 'Attempts', class: 'number', value: row => count(row.attempts)},
            {label: 'Changes', class: 'number', value: row => count(row.changes)},
            {label: 'Wrong to right', class: 'number', value: row => count(row.wrongToRight)},
            {label: 'Mean per attempt', class: 'number', value: row => decimal(row.meanWrongToRight, 2)},
            {label: 'Standard deviation', class: 'number', value: row => decimal(row.standardDeviation, 2)}
        ], data.national, 'No marked attempts in this period.')),
        section('Attempts with changes from wrong to right',
            h('p', {class: 'hint'}, data.attemptsTotal > data.attempts.length ? 'The first '
                + count(data.attempts.length) + ' of ' + count(data.attemptsTotal) + ', most changes first.'
                : 'Most changes first.'),
            flaggedTable([
                {label: 'Candidate', value: attempt => auditLink(context, 'attempt', attempt.attemptId,
                    attempt.registrationNumber || attempt.candidateId.substring(0, 8))},
                {label: 'Centre', value: attempt => context.label(attempt.centreId)},
                {label: 'Assessment', value: attempt => attempt.assessmentCode},
                {label: 'Submitted', value: attempt => when(attempt.submittedAt)},
                {label: 'Changes', class: 'number', value: attempt => count(attempt.changes)},
                {label: 'Wrong to right', class: 'number', value: attempt => count(attempt.wrongToRight)},
                {label: 'Right to wrong', class: 'number', value: attempt => count(attempt.rightToWrong)}
            ], data.attempts, attempt => attempt.flagged, 'No attempt changed a wrong answer to the right one.'),
            h('div', {class: 'actions'}, csvButton(context, '/api/reports/answer-changes/attempts',
                'answer-changes-attempts.csv', 'Download these as CSV')))];
}

/** The fair-access report's measures, in its order: the field of each row, and the words for its figures. */
const FAIR_ACCESS = [
    {field: 'accessArrangements', title: 'Access arrangements requested', short: 'Arrangements', counted: 'Requested',
        favourable: 'Approved'},
    {field: 'specialConsiderations', title: 'Special considerations applied for', short: 'Considerations',
        counted: 'Applied for', favourable: 'Granted'},
    {field: 'resultEnquiries', title: 'Result enquiries raised', short: 'Enquiries', counted: 'Raised',
        favourable: 'Result changed'},
    {field: 'appeals', title: 'Appeals lodged', short: 'Appeals', counted: 'Lodged', favourable: 'Upheld'}
];

function fairAccess(data, context) {
    const rows = data.centres;
    const flaggedFor = row => FAIR_ACCESS.filter(measure => row[measure.field].flagged);
    const flagged = rows.filter(row => flaggedFor(row).length);
    // each centre's rate as a multiple of the national rate: one scale for four measures of very different sizes
    const multiple = (row, measure) => {
        const own = row[measure.field];
        return own.rate === null || !own.nationalRate ? null : Math.round(own.rate / own.nationalRate * 100) / 100;
    };
    return [
        figures(['marked attempts, all centres', count(data.national.attempts)], ['centres', count(rows.length)],
            ['centres flagged', count(flagged.length)]),
        flagRule('Every figure is per 100 marked attempts (not voided) at the centre in the period. A centre is flagged '
            + 'for a measure when it has at least 20 attempts, its rate is more than two standard errors above the '
            + 'national rate (the standard error is √(λ / n) for the national rate λ per attempt and the centre\'s n '
            + 'attempts, shown per 100), and so many cases would happen by chance less than 2.5 % of the time at the '
            + 'national rate (the exact Poisson probability, which keeps a centre with a handful of cases where fewer '
            + 'than one was expected from being flagged by chance). A flag asks for a closer look at how the centre '
            + 'uses them; it is not a finding.'),
        rows.length ? barChart({title: 'Each measure at each centre against the national rate (1 = the national rate)',
            yLabel: '× national rate', labels: rows.map(row => context.short(row.centreId)),
            bars: FAIR_ACCESS.map(measure => ({label: measure.short, values: rows.map(row => multiple(row, measure))})),
            lines: [{label: 'National rate', values: rows.map(() => 1)}],
            summary: rows.length + (rows.length === 1 ? ' centre; ' : ' centres; ') + flagged.length
                + ' flagged as far above the national rate' + (flagged.length ? ': ' + flagged.map(row =>
                    context.label(row.centreId) + ' for ' + flaggedFor(row).map(measure =>
                        measure.short.toLowerCase()).join(' and ')).join('; ') : '') + '.'}) : null,
        section('National rates', table([
            {label: 'Measure', value: measure => measure.title},
            {label: 'Cases', class: 'number', value: measure => count(data.national[measure.field].count)},
            {label: 'Decided', class: 'number', value: measure => count(data.national[measure.field].decided)},
            {label: 'Favourable', class: 'number', value: measure => count(data.national[measure.field].favourable)},
            {label: 'Per 100 attempts', class: 'number', value: measure => decimal(data.national[measure.field].rate, 2)}
        ], FAIR_ACCESS, 'Nothing in this period.', 'Each measure nationally, over '
            + count(data.national.attempts) + ' marked attempts')),
        FAIR_ACCESS.map(measure => section(measure.title, flaggedTable([
            {label: 'Centre', value: row => context.label(row.centreId)},
            {label: 'Attempts', class: 'number', value: row => count(row.attempts)},
            {label: measure.counted, class: 'number', value: row => count(row[measure.field].count)},
            {label: 'Decided', class: 'number', value: row => count(row[measure.field].decided)},
            {label: measure.favourable, class: 'number', value: row => count(row[measure.field].favourable)},
            {label: 'Per 100 attempts', class: 'number', value: row => decimal(row[measure.field].rate, 2)},
            {label: 'National per 100', class: 'number', value: row => decimal(row[measure.field].nationalRate, 2)},
            {label: 'Standard error', class: 'number', value: row => decimal(row[measure.field].standardError, 2)}
        ], rows, row => row[measure.field].flagged, 'No marked attempts or cases in this period.',
        measure.title + ' per centre'))),
        h('div', {class: 'actions'}, csvButton(context, '/api/reports/fair-access', 'fair-access.csv'))];
}

function itemStatistics(data, context) {
    const items = data.items;
    const options = counts => counts.map((value, index) => 'option ' + (index + 1) + ': ' + value).join(' · ');
    return [
        figures(['marked attempts', count(data.attempts)], ['mean score (marks)', decimal(data.meanScore, 2)],
            ['items drawn', count(items.length)]),
        items.length ? barChart({title: 'Facility per item (% answering right)', yLabel: '% right', max: 100,
            labels: items.map(item => item.itemId), bars: [{label: 'Facility %',
                values: items.map(item => item.facility === null ? null : Math.round(item.facility * 1000) / 10)}],
            summary: items.length + ' items of ' + data.assessmentCode + ' over ' + data.attempts + ' attempts.'})
            : null,
        h('p', {class: 'hint'}, 'Facility is the share answering the item right; discrimination the correlation of '
            + 'answering it right with the attempt\'s score (empty with fewer than two attempts, or when either does '
            + 'not vary). Options are counted in the order the item was published in.'),
        table([
            {label: 'Item', value: item => item.itemId},
            {label: 'Attempts', class: 'number', value: item => count(item.attempts)},
            {label: 'Facility', class: 'number', value: item => decimal(item.facility, 2)},
            {label: 'Discrimination', class: 'number', value: item => decimal(item.discrimination, 2)},
            {label: 'Options chosen', value: item => options(item.optionCounts)},
            {label: 'Unanswered', class: 'number', value: item => count(item.unanswered)}
        ], items, 'No marked attempts at this assessment yet.', 'Items of ' + data.assessmentCode),
        h('div', {class: 'actions'}, csvButton(context, '/api/reports/item-statistics',
            'item-statistics-' + data.assessmentCode + '.csv'))];
}

register(
    {path: '/reports', nav: 'Reports', render: reportsPage,
        summary: 'Compliance reports with charts, tables and CSV downloads'},
    {path: '/reports/:name', render: reportPage});
