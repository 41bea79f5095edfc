// The audit console, for auditors and IMI administrators: a record's history and the record as it was at any
// instant, timelines by PIN or centre, the hash chain's integrity and its seal, the blast radius of a person,
// assessment, item or centre, and frozen case bundles. Every time here is UTC, and says so.
import {download, get, post} from '../api.js';
import {button, details, field, flash, form, h, notify, page, pager, section, table} from '../ui.js';
import {go, register} from '../router.js';
import {eventually, withQuery} from './certification.js';
import {centreDirectory, centreLabel, centreOptions} from './reports.js';

const AUDITORS = ['AUDITOR', 'IMI_ADMIN'];
const RECORD_TYPES = {candidate: 'Candidate', centre: 'Centre', user: 'User', attempt: 'Assessment attempt',
    claim: 'Certificate claim'};
const LINK_KINDS = {INVIGILATOR: 'Invigilator (PIN)', ASSESSOR: 'Assessor (PIN)', ASSESSMENT: 'Assessment (code)',
    ITEM: 'Bank item (id)', CENTRE: 'Centre (id)'};
const UTC_HINT = 'In UTC (Coordinated Universal Time), not your local time.';

// ---- times: shown exactly as recorded, in UTC; the picker's value is read as UTC -------------------------------

/** "2026-11-26 09:24:12.337 UTC": the instant as the server recorded it. */
export function exact(instant) {
    return instant ? String(instant).replace('T', ' ').replace('Z', ' UTC') : '';
}

/** The datetime-local value for an instant (UTC, to the millisecond at most). */
function pickerValue(instant) {
    if (!instant) {
        return '';
    }
    const date = new Date(instant);
    return Number.isNaN(date.getTime()) ? '' : date.toISOString().substring(0, date.getUTCMilliseconds() ? 23 : 19);
}

/** The instant a datetime-local value names, read as UTC ("2026-11-26T09:30" is 09:30:00Z). */
export function fromPicker(value) {
    if (!value) {
        return '';
    }
    return (value.length === 16 ? value + ':00' : value) + 'Z';
}

export function utcField(name, label, value, required) {
    return {name, label: label + ' (UTC)', type: 'datetime-local', value: pickerValue(value), required,
        hint: UTC_HINT, attrs: {step: '1'}};
}

/** "CandidateNameAmended" → "Candidate name amended". */
function eventWords(type) {
    const spaced = String(type || '').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
    return spaced.charAt(0).toUpperCase() + spaced.substring(1);
}

export function eventName(event) {
    return [eventWords(event.type), ' ', h('code', {class: 'event-type'}, event.type)];
}

function recordHref(type, id) {
    return '#/audit/records/' + encodeURIComponent(type) + '/' + encodeURIComponent(id);
}

export function recordLink(type, id) {
    const known = RECORD_TYPES[type];
    return known ? h('a', {href: recordHref(type, id)}, known + ' ' + id) : (type + ' ' + id);
}

function actor(event) {
    if (event.actorPin) {
        return h('a', {href: '#' + withQuery('/audit/timeline', {actorPin: event.actorPin}),
            title: 'Everything this PIN did'}, 'PIN ' + event.actorPin);
    }
    if (event.actorRegistrationNumber) {
        return 'Candidate ' + event.actorRegistrationNumber;
    }
    return 'The system';
}

function payload(event) {
    return h('details', {class: 'payload'}, h('summary', {}, 'Payload and metadata'),
        h('pre', {}, JSON.stringify(event.payload ?? null, null, 2)),
        h('pre', {}, JSON.stringify(event.metadata ?? null, null, 2)));
}

function auditNav(current) {
    const links = [['/audit', 'Record history'], ['/audit/timeline', 'Timeline'], ['/audit/chain', 'Chain integrity'],
        ['/audit/blast-radius', 'Blast radius'], ['/audit/cases', 'Case bundles']];
    return h('nav', {class: 'subnav', 'aria-label': 'Audit'}, h('ul', {}, links.map(([path, label]) => h('li', {},
        h('a', {href: '#' + path, 'aria-current': path === current ? 'page' : null}, label)))));
}

function downloadJson(value, filename) {
    const link = h('a', {href: URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)],
        {type: 'application/json'})), download: filename});
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    notify('Downloaded ' + filename + '.', 'ok');
}

function eventsTable(events, caption) {
    return table([
        {label: 'When (UTC)', value: event => exact(event.at)},
        {label: 'Event', value: eventName},
        {label: 'Record', value: event => recordLink(event.recordType, event.recordId)},
        {label: 'Actor', value: actor},
        {label: 'Reason', value: event => event.reason || '—'},
        {label: 'Correlation id', value: event => event.correlationId ? h('code', {}, event.correlationId) : '—'},
        {label: 'Client address', value: event => event.clientAddress || '—'},
        {label: 'Details', value: payload}
    ], events, 'No events match.', caption);
}

// ---- record history and the record as it was -----------------------------------------------------------------

function lookupForm(type, id) {
    return form({id: 'record-lookup', class: 'toolbar', submitLabel: 'Show history', fields: [
        {name: 'type', label: 'Record type', type: 'select', value: type || 'candidate',
            options: Object.entries(RECORD_TYPES).map(([value, label]) => ({value, label}))},
        {name: 'id', label: 'Record id', value: id, required: true, attrs: {spellcheck: 'false', autocomplete: 'off'}}],
    submit: async values => {
        if (!values.id) {
            throw {status: 400, fieldErrors: [{field: 'id', message: 'Enter the id of the record.'}]};
        }
        go('/audit/records/' + values.type + '/' + encodeURIComponent(values.id));
    }});
}

function auditHome(container) {
    page(container, 'Audit', auditNav('/audit'),
        h('p', {class: 'lead'}, 'Every change is kept once, in order, with who made it, when, why and from where, '
            + 'under a hash chain that shows any later tampering.'),
        section('Record history',
            h('p', {}, 'A record\'s events in order, and the record as it was at any instant.'),
            lookupForm('candidate', '')),
        h('ul', {class: 'tiles'}, [
            ['/audit/timeline', 'Timeline', 'What a PIN did, or what happened at a centre, between two instants.'],
            ['/audit/chain', 'Chain integrity', 'Recompute the hash chain, take a seal, check a kept seal.'],
            ['/audit/blast-radius', 'Blast radius', 'Every candidate tied to a person, assessment, item or centre.'],
            ['/audit/cases', 'Case bundles', 'Freeze a case\'s records into a bundle anyone can check.']
        ].map(([path, title, text]) => h('li', {}, h('a', {href: '#' + path}, h('strong', {}, title),
            h('span', {}, text))))));
}

async function recordPage(container, params, query) {
    const type = params.type.toLowerCase();
    const id = params.id;
    const base = '/api/audit/records/' + encodeURIComponent(type) + '/' + encodeURIComponent(id);
    const title = (RECORD_TYPES[type] || 'Record') + ' history';
    let events;
    try {
        events = await get(base + '/events');
    } catch (error) {
        if (error.status !== 404 && error.status !== 400) {
            throw error;
        }
        page(container, title, auditNav(), h('p', {class: 'message error', role: 'alert'}, error.message),
            section('Find a record', lookupForm(RECORD_TYPES[type] ? type : 'candidate', id)));
        return;
    }

    const stateBox = h('div', {id: 'as-of-state', class: 'as-of'});
    const asOfForm = form({id: 'as-of-form', submitLabel: 'Show as it was then', fields: [
        utcField('asOf', 'Date and time', query.get('asOf') || new Date().toISOString(), true)],
    extraActions: button('Now', () => {
        asOfForm.elements.asOf.value = pickerValue(new Date().toISOString());
        showState(null);
    }, 'secondary'),
    submit: async values => {
        if (!values.asOf) {
            throw {status: 400, fieldErrors: [{field: 'asOf', message: 'Choose a date and time (UTC).'}]};
        }
        await showState(fromPicker(values.asOf), true);
    }});

    const items = events.map(event => h('li', {dataset: {at: event.at}},
        h('h3', {}, eventName(event)),
        h('p', {class: 'hint'}, exact(event.at) + ' · event ' + event.sequence + ' of this record · global position '
            + event.globalPosition, h('span', {class: 'later-note'})),
        details([['Actor', actor(event)], ['Reason', event.reason], ['Correlation id', event.correlationId
            ? h('code', {}, event.correlationId) : null], ['Client address', event.clientAddress]]),
        h('div', {class: 'actions'}, button('Show the record just after this event', () => {
            asOfForm.elements.asOf.value = pickerValue(event.at);
            showState(event.at);
        }, 'secondary')),
        payload(event)));

    /** Marks the events after the instant shown, so the reader sees which ones the state includes. */
    function markLater(instant) {
        const limit = instant ? new Date(instant).getTime() : Infinity;
        items.forEach(item => {
            const later = new Date(item.dataset.at).getTime() > limit;
            item.classList.toggle('later', later);
            item.querySelector('.later-note').textContent = later ? ' · after the instant shown' : '';
        });
    }

    /** Shows the state at the instant (now when null); a refusal is thrown to the form that asked, else shown. */
    async function showState(instant, fromForm = false) {
        try {
            const state = await get(base + '/state' + (instant ? '?asOf=' + encodeURIComponent(instant) : ''));
            const last = events.find(event => event.sequence === state.sequence);
            const later = events.filter(event => event.sequence > state.sequence).length;
            stateBox.replaceChildren(
                h('h3', {id: 'as-of-heading', tabindex: '-1'}, (instant ? 'As it was at ' : 'As it is now, ')
                    + exact(state.asOf)),
                h('p', {class: 'hint'}, 'After event ' + state.sequence + (last ? ' (' + eventWords(last.type) + ')'
                    : '') + ' of ' + exact(state.lastChangedAt) + '. ' + (later ? later + (later === 1
                    ? ' later event is' : ' later events are') + ' not included.' : 'No later event.')),
                stateFields(state.state));
            markLater(instant ? state.asOf : null);
            history.replaceState(null, '', '#' + withQuery('/audit/records/' + type + '/' + encodeURIComponent(id),
                {asOf: instant}));
            if (instant) {
                stateBox.querySelector('#as-of-heading').focus();
            }
        } catch (error) {
            if (error.status !== 404) {
                if (fromForm) {
                    throw error;
                }
                stateBox.replaceChildren(h('p', {class: 'message error'}, error.message));
                return;
            }
            stateBox.replaceChildren(h('h3', {id: 'as-of-heading', tabindex: '-1'}, 'At ' + exact(instant)),
                h('p', {class: 'message info'}, 'The record did not exist yet: its first event is at '
                    + exact(events[0].at) + '.'));
            markLater(instant);
            stateBox.querySelector('#as-of-heading').focus();
        }
    }

    page(container, title, auditNav(),
        h('p', {class: 'lead'}, RECORD_TYPES[type] + ' ', h('code', {}, id), ' · ' + events.length
            + (events.length === 1 ? ' event' : ' events') + ', the first at ' + exact(events[0].at) + '.'),
        h('div', {class: 'audit-record'},
            section('The record at an instant',
                h('p', {}, 'Choose a date and time to see the record as it was then: its events up to that instant, '
                    + 'applied in order.'), asOfForm, stateBox),
            section('Events', h('ol', {class: 'timeline audit-events'}, items))),
        h('p', {}, h('a', {href: '#' + withQuery('/audit/cases', {records: type + ':' + id})},
            'Freeze this record as a case')));
    await showState(query.get('asOf'));
}

function fieldWords(name) {
    const spaced = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().replace(/\buln\b/g, 'ULN')
        .replace(/\bpin\b/g, 'PIN');
    return spaced.charAt(0).toUpperCase() + spaced.substring(1);
}

function stateFields(state) {
    if (!state || typeof state !== 'object') {
        return h('pre', {}, JSON.stringify(state));
    }
    return h('dl', {class: 'details state-fields'}, Object.entries(state).map(([name, value]) => [
        h('dt', {}, fieldWords(name)),
        h('dd', {}, value === null || value === undefined ? '—' : typeof value === 'object'
            ? h('code', {}, JSON.stringify(value)) : String(value))]));
}

// ---- timelines by PIN and centre -------------------------------------------------------------------------------

async function timelinePage(container, params, query) {
    const filters = {actorPin: query.get('actorPin') || '', centreId: query.get('centreId') || '',
        from: query.get('from') || '', to: query.get('to') || ''};
    const pageNumber = Math.max(0, Number(query.get('page')) || 0);
    const centres = await centreDirectory();
    const filterForm = form({id: 'timeline-filters', class: 'toolbar', submitLabel: 'Show events', fields: [
        {name: 'actorPin', label: 'PIN', value: filters.actorPin, attrs: {inputmode: 'numeric', maxlength: 8,
            autocomplete: 'off'}},
        {name: 'centreId', label: 'Centre', type: 'select', value: filters.centreId,
            options: [{value: '', label: 'Any centre'}, ...centreOptions(centres)]},
        utcField('from', 'From', filters.from), utcField('to', 'Up to', filters.to)],
    submit: async values => go(withQuery('/audit/timeline', {actorPin: values.actorPin, centreId: values.centreId,
        from: fromPicker(values.from), to: fromPicker(values.to)}))});
    const content = [auditNav('/audit/timeline'),
        h('p', {class: 'lead'}, 'Events across every record, in the order they were recorded, matching every filter '
            + 'given. "From" is included, "up to" is not.'),
        section('Filters', filterForm)];
    try {
        const answer = await get(withQuery('/api/audit/timeline', {...filters, page: pageNumber, size: 50}));
        const said = [filters.actorPin ? 'by PIN ' + filters.actorPin : null,
            filters.centreId ? 'at ' + centreLabel(centres, filters.centreId) : null,
            filters.from ? 'from ' + exact(filters.from) : null, filters.to ? 'up to ' + exact(filters.to) : null]
            .filter(Boolean);
        content.push(section('Events',
            h('p', {class: 'hint', id: 'timeline-summary'}, answer.total + (answer.total === 1 ? ' event' : ' events')
                + (said.length ? ' ' + said.join(', ') : ' in all') + ', oldest first.'),
            eventsTable(answer.items),
            answer.total > answer.size ? pager(answer, next => go(withQuery('/audit/timeline',
                {...filters, page: next}))) : null));
    } catch (error) {
        content.push(h('p', {class: 'message error', role: 'alert'}, error.message));
    }
    page(container, 'Timeline', content);
}

// ---- the hash chain: verification, seals -----------------------------------------------------------------------

function chainPage(container) {
    const status = h('div', {id: 'chain-status', role: 'status', 'aria-live': 'polite'});
    const sealBox = h('div', {id: 'seal'});
    const checkResult = h('div', {id: 'seal-check', role: 'status', 'aria-live': 'polite'});

    async function verify() {
        status.replaceChildren(h('p', {class: 'message info'}, 'Checking every event against the event store…'));
        try {
            const report = await get('/api/audit/verify');
            if (report.intact) {
                status.replaceChildren(h('div', {class: 'message ok'},
                    h('p', {class: 'verdict'}, h('strong', {}, 'Intact'), ': all ' + report.verified.toLocaleString('en-GB')
                        + ' events checked; each one\'s hash matches the event as stored.'),
                    report.headPosition !== null && report.headPosition !== undefined ? details([
                        ['Head position', String(report.headPosition)],
                        ['Head hash', h('code', {class: 'hash'}, report.headHash)]]) : null));
            } else {
                const broken = report.firstBreak || {};
                status.replaceChildren(h('div', {class: 'message error'},
                    h('p', {class: 'verdict'}, h('strong', {}, 'Broken'), ' at global position '
                        + broken.globalPosition + ': ' + (broken.reason || 'the chain does not match') + '.'),
                    details([['Event id', broken.eventId ? h('code', {}, broken.eventId) : null],
                        ['Events checked before it', String(report.verified)]]),
                    h('p', {}, 'Events before that position are intact. An event that committed late can show as a '
                        + 'break for a moment: check again before acting.')));
            }
        } catch (error) {
            status.replaceChildren(h('p', {class: 'message error'}, error.message));
        }
    }

    async function takeSeal() {
        try {
            const seal = await get('/api/audit/seal');
            sealBox.replaceChildren(
                details([['Position', String(seal.position)], ['Events', String(seal.eventCount)],
                    ['Hash', h('code', {class: 'hash', id: 'seal-hash'}, seal.hash)],
                    ['Last event at', exact(seal.lastEventAt)], ['Sealed at', exact(seal.sealedAt)],
                    ['Algorithm', seal.algorithm]]),
                h('div', {class: 'actions'}, button('Download the seal (JSON)',
                    () => downloadJson(seal, 'audit-seal-' + seal.position + '.json'), 'secondary')));
            notify('Seal taken at position ' + seal.position + '. Keep it outside this system.', 'ok');
        } catch (error) {
            notify(error.message, 'error');
        }
    }

    page(container, 'Chain integrity', auditNav('/audit/chain'),
        h('p', {class: 'lead'}, 'Each event\'s hash covers the one before it, so changing or removing a stored event '
            + 'breaks the chain from there on.'),
        section('Verification', status, h('div', {class: 'actions'}, button('Check again', verify, 'secondary'))),
        section('Seal',
            h('p', {}, 'A seal is the chain\'s head, dated. Keep it outside the system (a ticket, an email, paper); '
                + 'later it proves that history up to its position was not rewritten.'),
            h('div', {class: 'actions'}, button('Take a seal now', takeSeal)), sealBox),
        section('Check a kept seal',
            form({id: 'seal-check-form', submitLabel: 'Check the seal', fields: [
                {name: 'position', label: 'Position', type: 'number', required: true, attrs: {min: 0, step: 1}},
                {name: 'hash', label: 'Hash', required: true, attrs: {spellcheck: 'false', autocomplete: 'off',
                    maxlength: 64}}],
            submit: async values => {
                const answer = await post('/api/audit/seal/check', {position: values.position === ''
                    ? null : Number(values.position), hash: values.hash});
                checkResult.replaceChildren(answer.matches
                    ? h('p', {class: 'message ok'}, h('strong', {}, 'Matches'), ': history up to position '
                        + answer.position + ' is as it was when the seal was taken.')
                    : h('p', {class: 'message error'}, h('strong', {}, 'Does not match'), ': the chain\'s hash at '
                        + 'position ' + answer.position + ' is now ', h('code', {class: 'hash'},
                        answer.chainHashAtPosition), '. History up to that position has changed since the seal.'));
            }}), checkResult));
    verify();
}

// ---- blast radius ----------------------------------------------------------------------------------------------

async function blastRadiusPage(container, params, query) {
    const kind = query.get('kind') || '';
    const key = query.get('key') || '';
    const from = query.get('from') || '';
    const to = query.get('to') || '';
    const content = [auditNav('/audit/blast-radius'),
        h('p', {class: 'lead'}, 'When a person, an assessment, a bank item or a centre is in question: every candidate '
            + 'tied to it, with the events that tie them.'),
        section('Search', form({id: 'blast-form', class: 'toolbar', submitLabel: 'Find candidates', fields: [
            {name: 'kind', label: 'Tied through', type: 'select', value: kind || 'INVIGILATOR',
                options: Object.entries(LINK_KINDS).map(([value, label]) => ({value, label}))},
            {name: 'key', label: 'PIN, code or id', value: key, required: true, attrs: {spellcheck: 'false',
                autocomplete: 'off', maxlength: 100}},
            utcField('from', 'From', from), utcField('to', 'Up to', to)],
        submit: async values => {
            if (!values.key) {
                throw {status: 400, fieldErrors: [{field: 'key', message: 'Enter the PIN, code or id to search for.'}]};
            }
            go(withQuery('/audit/blast-radius', {kind: values.kind, key: values.key, from: fromPicker(values.from),
                to: fromPicker(values.to)}));
        }}))];
    if (kind && key) {
        try {
            const radius = await get(withQuery('/api/audit/blast-radius', {kind, key, from, to}));
            const candidates = radius.candidates;
            content.push(section('Candidates',
                h('p', {class: 'hint', id: 'blast-summary'}, candidates.length + (candidates.length === 1
                    ? ' candidate is' : ' candidates are') + ' tied to ' + (LINK_KINDS[kind] || kind).replace(/ \(.*/, '')
                    .toLowerCase() + ' ' + key + (from || to ? ' in the window' : '') + '.'),
                candidates.map(candidate => h('article', {class: 'affected'},
                    h('h3', {}, h('a', {href: recordHref('candidate', candidate.candidateId)},
                        'Candidate ' + candidate.candidateId)),
                    eventsTable(candidate.events, 'The events that tie this candidate'))),
                candidates.length ? h('p', {}, h('a', {href: '#' + withQuery('/audit/cases', {records: candidates
                    .map(candidate => 'candidate:' + candidate.candidateId).join(',')})},
                'Freeze these candidates as a case')) : null));
        } catch (error) {
            content.push(h('p', {class: 'message error', role: 'alert'}, error.message));
        }
    }
    page(container, 'Blast radius', content);
}

// ---- case bundles ----------------------------------------------------------------------------------------------

function casesPage(container, params, query) {
    let rows = (query.get('records') || '').split(',').filter(Boolean).map(text => {
        const [type, ...rest] = text.split(':');
        return {type: RECORD_TYPES[type] ? type : 'candidate', id: rest.join(':')};
    });
    if (!rows.length) {
        rows = [{type: 'candidate', id: ''}];
    }
    const rowsBox = h('fieldset', {class: 'case-records'});
    let caseForm;

    function sync() {
        rows = rows.map((row, index) => ({type: caseForm.elements['records[' + index + '].type'].value,
            id: caseForm.elements['records[' + index + '].id'].value.trim()}));
    }

    function drawRows(focusLast) {
        rowsBox.replaceChildren(h('legend', {}, 'Records'),
            ...rows.map((row, index) => h('div', {class: 'case-record'},
                field({name: 'records[' + index + '].type', label: 'Record ' + (index + 1) + ' type', type: 'select',
                    value: row.type, options: Object.entries(RECORD_TYPES).map(([value, label]) => ({value, label}))}),
                field({name: 'records[' + index + '].id', label: 'Record ' + (index + 1) + ' id', value: row.id,
                    required: true, attrs: {spellcheck: 'false', autocomplete: 'off'}}),
                rows.length > 1 ? button('Remove record ' + (index + 1), () => {
                    sync();
                    rows.splice(index, 1);
                    drawRows();
                }, 'secondary') : null)),
            button('Add a record', () => {
                sync();
                rows.push({type: 'candidate', id: ''});
                drawRows(true);
            }, 'secondary'));
        if (focusLast) {
            caseForm.elements['records[' + (rows.length - 1) + '].id'].focus();
        }
    }

    caseForm = form({id: 'case-form', submitLabel: 'Freeze the case', fields: [
        {name: 'title', label: 'Title', required: true, attrs: {maxlength: 200}}, rowsBox,
        {name: 'upToPosition', label: 'Up to global position', type: 'number', attrs: {min: 0, step: 1},
            hint: 'Leave empty to take everything recorded up to now.'}],
    submit: async values => {
        sync();
        const frozen = await post('/api/audit/cases', {title: values.title, records: rows,
            upToPosition: values.upToPosition ? Number(values.upToPosition) : null});
        flash('Case frozen up to global position ' + frozen.upToPosition + '. Its id is ' + frozen.caseId + '.', 'ok');
        go('/audit/cases/' + encodeURIComponent(frozen.caseId));
    }});
    drawRows();
    page(container, 'Case bundles', auditNav('/audit/cases'),
        h('p', {class: 'lead'}, 'Freezing a case keeps its records\' events up to a position, with their hashes, in a '
            + 'bundle that never changes and that anyone can check with SHA-256 alone.'),
        section('Freeze a case', caseForm),
        section('Open a case', h('p', {class: 'hint'}, 'Cases are opened by their id, given when frozen.'),
            form({id: 'open-case', class: 'toolbar', submitLabel: 'Open the case', fields: [
                {name: 'caseId', label: 'Case id', required: true, attrs: {spellcheck: 'false', autocomplete: 'off'}}],
            submit: async values => {
                if (!values.caseId) {
                    throw {status: 400, fieldErrors: [{field: 'caseId', message: 'Enter the case id.'}]};
                }
                go('/audit/cases/' + encodeURIComponent(values.caseId));
            }})));
}

async function casePage(container, params) {
    const path = '/api/audit/cases/' + encodeURIComponent(params.caseId) + '/bundle';
    const bundle = await eventually(() => get(path), () => true, 16);
    page(container, 'Case: ' + bundle.title, auditNav(),
        section('The case', details([
            ['Case id', h('code', {}, bundle.caseId)],
            ['Frozen', exact(bundle.frozenAt) + (bundle.frozenByPin ? ' by PIN ' + bundle.frozenByPin : '')],
            ['Up to global position', String(bundle.upToPosition)],
            ['Chain hash at that position', bundle.chainHashAtPosition
                ? h('code', {class: 'hash'}, bundle.chainHashAtPosition) : 'Nothing was hashed by then'],
            ['Records', h('ul', {class: 'plain'}, bundle.records.map(record => h('li', {},
                recordLink(record.type, record.id))))],
            ['Events', String(bundle.events.length)]]),
        h('div', {class: 'actions'}, button('Download the bundle (JSON)', async () => {
            const filename = 'case-' + bundle.caseId + '.json';
            try {
                await download(path, 'application/json', filename);
                notify('Downloaded ' + filename + '.', 'ok');
            } catch (error) {
                notify(error.message, 'error');
            }
        }))),
        section('Events in the bundle',
            h('p', {class: 'hint'}, 'Each link checks alone: hash = SHA-256(previous hash + "\\n" + canonical), in '
                + 'lower-case hex. The chain hash at the position can be compared with a kept seal.'),
            table([
                {label: 'Position', class: 'number', value: link => String(link.event.globalPosition)},
                {label: 'When (UTC)', value: link => exact(link.event.at)},
                {label: 'Record', value: link => recordLink(link.event.recordType, link.event.recordId)},
                {label: 'Event', value: link => eventName(link.event)},
                {label: 'Actor', value: link => actor(link.event)},
                {label: 'Hash', value: link => h('code', {class: 'hash', title: link.hash}, link.hash.substring(0, 16) + '…')}
            ], bundle.events, 'No events of these records up to that position.')),
        section('The bundle as JSON', h('details', {}, h('summary', {}, 'Show the JSON'),
            h('pre', {}, JSON.stringify(bundle, null, 2)))));
}

register(
    {path: '/audit', nav: 'Audit', roles: AUDITORS, render: auditHome,
        summary: 'Record histories and past states, timelines, chain integrity, blast radius, case bundles'},
    {path: '/audit/records/:type/:id', roles: AUDITORS, render: recordPage},
    {path: '/audit/timeline', roles: AUDITORS, render: timelinePage},
    {path: '/audit/chain', roles: AUDITORS, render: chainPage},
    {path: '/audit/blast-radius', roles: AUDITORS, render: blastRadiusPage},
    {path: '/audit/cases', roles: AUDITORS, render: casesPage},
    {path: '/audit/cases/:caseId', roles: AUDITORS, render: casePage});
