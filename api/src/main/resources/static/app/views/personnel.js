// The personnel report of a centre, for IMI staff and the centre's coordinator: everyone with access there, active or
// not, who created them and when, their last sign-in, failed sign-ins and lock-outs in a period, what they did about
// fair access in the period, and the current workload of assessors and IQAs (from the ePortfolio, once it reports
// them); a period filter and the same rows as CSV.
import {download, get} from '../api.js';
import {button, day, form, h, notify, section, table, when} from '../ui.js';
import {go} from '../router.js';
import {roleName} from './account.js';
import {centreHref, enc, filterForm, hubPage} from './hub-common.js';
import {statusOf} from './user.js';
import {figures} from './reports.js';

const WITH_WORKLOAD = ['ASSESSOR', 'IQA'];
/** What each user did about fair access in the period: the report's fields and their columns' headings. */
const FAIR_ACCESS = [
    ['accessArrangementsRequested', 'Arrangements requested'],
    ['specialConsiderationsAppliedFor', 'Considerations applied for'],
    ['resultEnquiriesRaised', 'Enquiries raised'],
    ['appealsLodged', 'Appeals lodged'],
    ['incidentsRecorded', 'Incidents recorded'],
    ['attemptsPaused', 'Attempts paused']];

/** The profile's way to the report (shown to those who may read it: IMI staff, the centre's coordinator). */
export function personnelSection(centre) {
    return section('Personnel report',
        h('p', {}, 'Everyone with access at ' + centre.name + ': who added them and when, when they last signed in, '
            + 'failed sign-ins, lock-outs and what they did about fair access in a period, and what assessors and IQAs '
            + 'have waiting. As a table or CSV.'),
        h('p', {}, h('a', {href: '#/centres/' + enc(centre.centreId) + '/personnel', id: 'personnel-link'},
            'Open the personnel report')));
}

function plural(count, one, many) {
    return count + ' ' + (count === 1 ? one : many);
}

/** What an assessor or IQA has waiting, in words; "Not reported" while no ePortfolio gives the figures. */
function workload(user) {
    if (!user.roles.some(role => WITH_WORKLOAD.includes(role))) {
        return '—';
    }
    const work = user.workload;
    if (!work) {
        return h('span', {class: 'hint', title: 'The ePortfolio reports assessors\' and IQAs\' work; it does not yet.'},
            'Not reported');
    }
    return h('span', {},
        plural(work.evidenceAwaitingJudgement, 'piece of evidence', 'pieces of evidence') + ' awaiting judgement'
            + (work.oldestAwaitingDays !== null && work.oldestAwaitingDays !== undefined
                ? ' (oldest ' + plural(work.oldestAwaitingDays, 'day', 'days') + ')' : ''),
        h('br'), plural(work.samplesDue, 'IQA sample', 'IQA samples') + ' due');
}

function sum(users, field) {
    return users.reduce((total, user) => total + user[field], 0);
}

/** Everything the users did about fair access in the period, all kinds together. */
function fairAccessActions(users) {
    return users.reduce((total, user) =>
        total + FAIR_ACCESS.reduce((actions, [field]) => actions + user.fairAccess[field], 0), 0);
}

/** The report page: /centres/:id/personnel?from=&to= (the server's default period: the last 30 days). */
export async function personnelPage(container, centreId, query) {
    const here = '/centres/' + centreId + '/personnel';
    const asked = new URLSearchParams();
    for (const name of ['from', 'to']) {
        const value = (query.get(name) || '').trim();
        if (value) {
            asked.set(name, value);
        }
    }
    const path = '/api/centres/' + enc(centreId) + '/personnel';
    const [centre, answer] = await Promise.all([
        get('/api/centres/' + enc(centreId)).catch(() => null),
        get(path + (asked.toString() ? '?' + asked : '')).then(report => ({report}), error => ({error}))]);
    const back = h('p', {class: 'back'}, h('a', {href: centreHref(centreId)},
        centre ? 'Back to ' + centre.name : 'Back to the centre'));
    if (answer.error && answer.error.status !== 400) {
        hubPage(container, 'Personnel report',
            h('p', {class: 'message error', role: 'alert', id: 'refusal'}, 'The server refused: ' + answer.error.message),
            h('p', {}, 'There is no such centre, or its personnel report is not yours to see.'),
            h('p', {}, h('a', {href: '#/'}, 'Back to the home page')));
        return;
    }
    const report = answer.report;
    const period = report || {from: asked.get('from'), to: asked.get('to')};
    const filters = filterForm(form({id: 'personnel-filters', class: 'toolbar', submitLabel: 'Show report', fields: [
        {name: 'from', label: 'From', type: 'date', value: period.from},
        {name: 'to', label: 'To', type: 'date', value: period.to}],
    submit: async values => {
        const chosen = new URLSearchParams();
        Object.entries(values).forEach(([name, value]) => value && chosen.set(name, value));
        go(here + (chosen.toString() ? '?' + chosen : ''));
    }}));
    const content = [
        h('p', {class: 'lead'}, centre ? centre.name + (centre.centreNumber ? ' (' + centre.centreNumber + ')' : '')
            : centreId),
        back,
        section('Period', filters, h('p', {class: 'hint'}, 'Failed sign-ins, lock-outs and fair-access actions are '
            + 'counted from the first day to the last, both included (UTC). Without dates: the last 30 days. '
            + 'Everyone is listed, whatever the period.'))];
    if (!report) {
        content.push(h('p', {class: 'message error', role: 'alert'}, answer.error.message));
        hubPage(container, 'Personnel report', content);
        return;
    }
    const users = report.users;
    const range = report.from + '-to-' + report.to;
    content.push(
        h('p', {class: 'hint', id: 'personnel-scope'}, 'From ' + day(report.from) + ' to ' + day(report.to) + '.'),
        figures(['people', String(users.length)], ['active', String(users.filter(user => user.active).length)],
            ['failed sign-ins', String(sum(users, 'failedSignIns'))], ['lock-outs', String(sum(users, 'lockOuts'))],
            ['fair-access actions', String(fairAccessActions(users))]),
        section('Personnel',
            table([
                {label: 'Name', value: user => h('span', {}, h('strong', {}, user.name), h('br'),
                    h('span', {class: 'hint'}, user.email))},
                {label: 'PIN', value: user => h('span', {class: 'pin-large'}, user.pin)},
                {label: 'Roles', value: user => user.roles.map(roleName).join(', ')},
                {label: 'Status', value: statusOf},
                {label: 'Added', value: user => h('span', {}, when(user.createdAt),
                    user.createdByPin ? [h('br'), h('span', {class: 'hint'}, 'by PIN ' + user.createdByPin)] : null)},
                {label: 'Last signed in', value: user => user.lastSignInAt ? when(user.lastSignInAt) : 'Never'},
                {label: 'Failed sign-ins', class: 'number', value: user => String(user.failedSignIns)},
                {label: 'Lock-outs', class: 'number', value: user => String(user.lockOuts)},
                ...FAIR_ACCESS.map(([field, label]) =>
                    ({label, class: 'number', value: user => String(user.fairAccess[field])})),
                {label: 'Workload', value: workload}
            ], users, 'No users at this centre yet.', 'Everyone with access at the centre, by name'),
            h('p', {class: 'hint'}, 'Fair access: the access arrangements each person requested, the special '
                + 'considerations they applied for, the result enquiries they raised and the appeals they lodged, the '
                + 'incidents they recorded and the attempts they paused, in the period.'),
            h('p', {class: 'hint'}, 'Workload: evidence awaiting each assessor\'s judgement and the IQA samples due, '
                + 'as the ePortfolio reports them now.'),
            h('div', {class: 'actions'}, button('Download CSV', async () => {
                const filename = 'personnel-' + range + '.csv';
                try {
                    await download(path + '?from=' + report.from + '&to=' + report.to, 'text/csv', filename);
                    notify('Downloaded ' + filename + '.', 'ok');
                } catch (error) {
                    notify(error.message, 'error');
                }
            }, 'secondary csv'))));
    hubPage(container, 'Personnel report', content);
}
