// Rules over history, for auditors and IMI administrators (ADR 0168): pick a ready-made rule, set its parameters and
// a window, run it over the audit log and see every breach with the events that prove it, the people involved and
// the learners affected; reopen a recorded run (rerun and checked against its digest) and freeze it into a case; try
// a proposed rule against the past and, as IMI, adopt it. Every time here is UTC, and says so.
import {get, post} from '../api.js';
import {badge, button, details, dialog, field, flash, form, h, page, pager, section, table} from '../ui.js';
import {go, register} from '../router.js';
import {hasRole} from '../session.js';
import {eventually, withQuery} from './certification.js';
import {eventName, exact, fromPicker, recordLink, utcField} from './audit.js';

const AUDITORS = ['AUDITOR', 'IMI_ADMIN'];

let library;

async function rules() {
    library = library || await get('/api/investigations/rules');
    return library;
}

/** "hours 72 · percent 90": a run's parameters in one line. */
function parameterLine(parameters) {
    const entries = Object.entries(parameters || {});
    return entries.length ? entries.map(([name, value]) => name + ' ' + value).join(' · ') : 'none';
}

function windowLine(window) {
    if (!window || (!window.from && !window.to)) {
        return 'The whole history';
    }
    return (window.from ? exact(window.from) : 'the start') + ' to ' + (window.to ? exact(window.to) : 'now');
}

function ruleTitle(id) {
    const rule = (library || []).find(candidate => candidate.id === id);
    return rule ? rule.title : id;
}

/** The fields of a rule's parameters, named "parameters.<name>" so that the server's refusals show beside them. */
function parameterFields(rule) {
    return rule.parameters.map(parameter => ({name: 'parameters.' + parameter.name, label: parameter.name,
        type: 'number', value: parameter.defaultValue, required: true,
        hint: parameter.description + ' (' + parameter.min + ' to ' + parameter.max + ')',
        attrs: {min: parameter.min, max: parameter.max, step: parameter.type === 'INTEGER' ? 1 : 'any'}}));
}

function parametersOf(values) {
    const parameters = {};
    for (const [name, value] of Object.entries(values)) {
        if (name.startsWith('parameters.') && value !== '') {
            parameters[name.substring('parameters.'.length)] = Number(value);
        }
    }
    return parameters;
}

/**
 * A form to pick a rule and set its parameters; extra fields after them. The parameters' fields are drawn again
 * when another rule is picked.
 */
function ruleForm(spec) {
    const box = h('div', {class: 'rule-parameters'});
    const description = h('p', {class: 'hint', id: spec.id + '-description'});
    const picker = {name: 'rule', label: spec.ruleLabel, type: 'select', value: library[0].id, required: true,
        options: library.map(rule => ({value: rule.id, label: rule.title}))};
    const element = form({id: spec.id, submitLabel: spec.submitLabel, fields: [picker, description, box,
        ...spec.fields], submit: spec.submit});
    const select = element.elements.rule;

    function draw() {
        const rule = library.find(candidate => candidate.id === select.value);
        description.textContent = rule.description;
        box.replaceChildren(...(rule.parameters.length
            ? parameterFields(rule).map(field)
            : [h('p', {class: 'hint'}, 'This rule has no parameters.')]));
    }
    select.addEventListener('change', draw);
    draw();
    return element;
}

function evidenceTable(events) {
    return table([
        {label: 'Position', class: 'number', value: event => String(event.globalPosition)},
        {label: 'When (UTC)', value: event => exact(event.occurredAt)},
        {label: 'Event', value: event => eventName({type: event.eventType})},
        {label: 'Record', value: event => event.recordType ? recordLink(event.recordType, event.recordId) : '—'},
        {label: 'Chain hash', value: event => h('code', {class: 'hash', title: event.chainHash},
            String(event.chainHash).substring(0, 16) + '…')}
    ], events, 'No events.');
}

function person(someone) {
    return [h('a', {href: '#' + withQuery('/audit/timeline', {actorPin: someone.pin}),
        title: 'Everything this PIN did'}, 'PIN ' + someone.pin), someone.name ? ' ' + someone.name : '',
    someone.role ? ' (' + someone.role + ')' : ''];
}

function learner(someone) {
    return [recordLink('candidate', someone.candidateId),
        someone.registrationNumber ? ' · registration ' + someone.registrationNumber : ''];
}

function breachList(breaches) {
    if (!breaches.length) {
        return h('p', {class: 'empty', id: 'no-breaches'}, 'No breach: the rule held over this history.');
    }
    return h('ol', {class: 'breaches', id: 'breaches'}, breaches.map(breach => h('li', {class: 'breach'},
        h('h3', {}, breach.summary),
        details([
            ['People', breach.people.length ? h('ul', {class: 'plain'}, breach.people.map(someone =>
                h('li', {}, person(someone)))) : 'None named'],
            ['Learners', h('ul', {class: 'plain'}, breach.learners.map(someone => h('li', {}, learner(someone))))]]),
        evidenceTable(breach.events))));
}

async function freeze(run) {
    const frozen = await dialog({title: 'Freeze the run into a case',
        intro: 'The learners\' and people\'s records are frozen as they stood at global position '
            + run.upToPosition + ', in a bundle that names this run.',
        submitLabel: 'Freeze the case',
        fields: [{name: 'title', label: 'Title', required: true, attrs: {maxlength: 200}}],
        submit: values => post('/api/investigations/rule-runs/' + encodeURIComponent(run.runId) + '/case',
            {title: values.title})});
    if (frozen) {
        flash('Case frozen up to global position ' + frozen.upToPosition + ' with ' + frozen.records.length
            + ' records.', 'ok');
        go('/audit/cases/' + encodeURIComponent(frozen.caseId));
    }
}

function findings(run) {
    const totals = run.totals;
    return h('div', {id: 'rule-findings'},
        details([
            ['Rule', ruleTitle(run.rule)],
            ['Parameters', parameterLine(run.parameters)],
            ['Window', windowLine(run.window)],
            ['Up to global position', String(run.upToPosition)],
            ['Events read', String(run.eventsScanned)],
            ['Breaches', h('strong', {id: 'breach-count'}, String(totals.breaches))],
            ['Learners affected', String(totals.learnersAffected)],
            ['Attempts that would have been refused', totals.attemptsRefused === null ? undefined
                : String(totals.attemptsRefused)],
            ['Reproduced', run.reproduced === null || run.reproduced === undefined ? undefined
                : (run.reproduced ? badge('Same findings as recorded', 'ok')
                    : badge('Different from the findings recorded', 'error'))],
            ['Findings digest (SHA-256)', h('code', {class: 'hash'}, run.findingsDigest)],
            ['Took', run.millis + ' ms']]),
        run.breachesListed ? null : h('p', {class: 'hint'}, 'Only the first ' + run.breaches.length
            + ' breaches are listed; the totals and the digest count them all.'),
        run.breaches.length ? h('div', {class: 'actions'}, button('Freeze into a case', () => freeze(run))) : null,
        breachList(run.breaches));
}

async function runsTable(pageNumber) {
    const runs = await get('/api/investigations/rule-runs?size=10&page=' + pageNumber);
    return h('div', {id: 'recent-runs'}, table([
        {label: 'Ran (UTC)', value: run => exact(run.ranAt)},
        {label: 'By', value: run => [run.ranByName || '', ' PIN ' + (run.ranByPin || '—')]},
        {label: 'Rule', value: run => ruleTitle(run.rule)},
        {label: 'Parameters', value: run => parameterLine(run.parameters)},
        {label: 'Window', value: run => windowLine(run.window)},
        {label: 'Breaches', class: 'number', value: run => String(run.totals.breaches)},
        {label: 'Run', value: run => h('a', {href: '#/rules/runs/' + encodeURIComponent(run.runId)}, 'Open')}
    ], runs.items, 'No rule has been run yet.'),
    runs.total > runs.size ? pager(runs, next => go(withQuery('/rules', {page: next}))) : null);
}

function statement(proposal) {
    return h('span', {class: 'statement'}, proposal.statement);
}

async function proposalsTable() {
    const proposals = await get('/api/investigations/rule-proposals?size=20');
    const admin = hasRole('IMI_ADMIN');
    return h('div', {id: 'proposals'}, table([
        {label: 'Proposed (UTC)', value: proposal => exact(proposal.proposedAt)},
        {label: 'By', value: proposal => [proposal.proposedByName || '', ' PIN ' + (proposal.proposedByPin || '—')]},
        {label: 'Rule', value: proposal => [ruleTitle(proposal.rule), ' (', parameterLine(proposal.parameters), ')']},
        {label: 'Tried against the past', value: statement},
        {label: 'Status', value: proposal => proposal.status === 'ADOPTED'
            ? [badge('Adopted', 'ok'), ' ', exact(proposal.adoptedAt), proposal.adoptedByName
                ? ' by ' + proposal.adoptedByName : '']
            : (admin ? button('Adopt', async () => {
                try {
                    await post('/api/investigations/rule-proposals/' + encodeURIComponent(proposal.proposalId)
                        + '/adoption', {});
                    flash('Rule adopted. Enforcing it is not part of this release.', 'ok');
                    await eventually(() => get('/api/investigations/rule-proposals?adopted=true&size=200'),
                        answer => answer.items.some(item => item.proposalId === proposal.proposalId));
                    go('/rules?adopted=' + encodeURIComponent(proposal.proposalId));
                } catch (error) {
                    flash(error.message, 'error');
                }
            }) : badge('Proposed', 'info'))}
    ], proposals.items, 'No rule has been proposed yet.'));
}

async function rulesPage(container, params, query) {
    await rules();
    const result = h('div', {id: 'run-result'});
    const proposalResult = h('div', {id: 'proposal-result'});
    const runForm = ruleForm({id: 'rule-run-form', ruleLabel: 'Rule', submitLabel: 'Run the rule', fields: [
        utcField('from', 'From', '', false), utcField('to', 'Up to', '', false)],
    submit: async values => {
        const run = await post('/api/investigations/rule-runs', {rule: values.rule,
            parameters: parametersOf(values), from: fromPicker(values.from) || null, to: fromPicker(values.to) || null});
        result.replaceChildren(h('h3', {}, 'Findings'), findings(run));
        result.scrollIntoView({block: 'start'});
    }});
    const proposalForm = ruleForm({id: 'rule-proposal-form', ruleLabel: 'Rule to propose',
        submitLabel: 'Try it against the past', fields: [
        {name: 'since', label: 'Since (UTC date)', type: 'date', required: true,
            hint: 'What the rule would have done had it applied from the start of this day.'}],
    submit: async values => {
        const proposal = await post('/api/investigations/rule-proposals', {rule: values.rule,
            parameters: parametersOf(values), since: values.since});
        proposalResult.replaceChildren(h('p', {class: 'lead', id: 'proposal-statement'}, proposal.statement),
            breachList(proposal.breaches));
        await eventually(() => get('/api/investigations/rule-proposals?size=20'),
            answer => answer.items.some(item => item.proposalId === proposal.proposalId));
        proposalsBox.replaceChildren(await proposalsTable());
    }});
    const proposalsBox = h('div', {}, await proposalsTable());
    page(container, 'Rules over history',
        h('p', {class: 'lead'}, 'Run a ready-made rule over everything the audit log holds, or a window of it: every '
            + 'breach comes with the events that prove it, each with its chain hash. Each run is recorded, so it can '
            + 'be rerun and checked later.'),
        section('Run a rule', runForm, result),
        section('Recent runs', await runsTable(Number(query.get('page') || 0))),
        section('Propose a rule', h('p', {class: 'hint'}, 'Try a rule against the past before IMI adopts it. '
            + 'Adopted rules are recorded; they are not yet enforced when attempts are opened.'),
        proposalForm, proposalResult, proposalsBox));
}

async function runPage(container, params) {
    await rules();
    const run = await eventually(() => get('/api/investigations/rule-runs/' + encodeURIComponent(params.runId)),
        () => true, 16);
    page(container, 'Rule run: ' + ruleTitle(run.rule),
        h('p', {}, h('a', {href: '#/rules'}, 'All rules and runs')),
        section('The run', details([
            ['Run id', h('code', {}, run.runId)],
            ['Ran', exact(run.ranAt) + (run.ranByPin ? ' by ' + (run.ranByName || '') + ' PIN ' + run.ranByPin : '')]]),
        findings(run)));
}

register(
    {path: '/rules', nav: 'Rules', roles: AUDITORS, render: rulesPage,
        summary: 'Rules over the whole history: breaches with their evidence, recorded runs, proposals'},
    {path: '/rules/runs/:runId', roles: AUDITORS, render: runPage});
