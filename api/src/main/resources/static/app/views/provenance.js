// A certificate's provenance, for auditors and IMI administrators: everything the certificate rests on (its claim,
// the centre's Direct Claim Status then, each attempt with its invigilator, form, items and pass mark, the portfolio's
// units with sign-off, assessor and IQA sample, every amendment of the candidate), drawn as a graph in columns by
// kind, each thing with the events that record it and whether the hash chain covers them. The graph is a picture
// for sighted mouse users; the table below it holds the same things and opens the same events from the keyboard.
import {get, post} from '../api.js';
import {button, dialog, form, h, notify, page, scrollable, section, table, words} from '../ui.js';
import {go, register} from '../router.js';

const AUDITORS = ['AUDITOR', 'IMI_ADMIN'];
const SVG = 'http://www.w3.org/2000/svg';
/** The column of each kind: what the certificate rests on directly to the left, the detail to the right. */
const COLUMNS = {CERTIFICATE: 0, CLAIM: 1, CENTRE_STATUS: 2, CANDIDATE: 2, PORTFOLIO: 2, AMENDMENT: 3, ATTEMPT: 3,
    PORTFOLIO_UNIT: 3, INVIGILATOR: 4, PASS_MARK: 4, FORM: 4, SIGN_OFF: 4, IQA_SAMPLE: 4, ASSESSOR: 5, IQA: 5,
    ITEM: 5};
const NODE_WIDTH = 210;
const NODE_HEIGHT = 46;
const COLUMN_STEP = 260;
const ROW_STEP = 60;
const MARGIN = 16;

function svg(tag, attributes = {}, ...children) {
    const element = document.createElementNS(SVG, tag);
    Object.entries(attributes).forEach(([name, value]) => element.setAttribute(name, value));
    children.forEach(child => element.append(child instanceof Node ? child : document.createTextNode(child)));
    return element;
}

/** "2026-11-26 09:24:12.337 UTC": the instant as the server recorded it. */
function exact(instant) {
    return instant ? String(instant).replace('T', ' ').replace('Z', ' UTC') : '';
}

function covered(link) {
    return link.covered ? h('span', {class: 'badge valid'}, 'covered by the chain ✓')
        : h('span', {class: 'badge revoked'}, 'NOT covered by the chain ✗');
}

/** Where each node is drawn: its column by kind, its row in the order the answer lists the nodes. */
function layout(nodes) {
    const rows = {};
    return Object.fromEntries(nodes.map(node => {
        const column = COLUMNS[node.kind] ?? 5;
        const row = rows[column] = (rows[column] ?? -1) + 1;
        return [node.id, {x: MARGIN + column * COLUMN_STEP, y: MARGIN + row * ROW_STEP}];
    }));
}

function graph(provenance, show) {
    const places = layout(provenance.nodes);
    const columns = Math.max(...Object.values(places).map(place => place.x)) + NODE_WIDTH + MARGIN;
    const height = Math.max(...Object.values(places).map(place => place.y)) + NODE_HEIGHT + MARGIN;
    const picture = svg('svg', {id: 'provenance-graph', class: 'provenance-graph', width: columns, height,
        viewBox: '0 0 ' + columns + ' ' + height, 'aria-hidden': 'true'});
    for (const edge of provenance.edges) {
        const from = places[edge.from];
        const to = places[edge.to];
        if (!from || !to) {
            continue;
        }
        const x1 = from.x + NODE_WIDTH;
        const y1 = from.y + NODE_HEIGHT / 2;
        const x2 = to.x;
        const y2 = to.y + NODE_HEIGHT / 2;
        const bend = Math.max(30, (x2 - x1) / 2);
        picture.append(svg('path', {class: 'edge', d: 'M' + x1 + ',' + y1 + ' C' + (x1 + bend) + ',' + y1 + ' '
            + (x2 - bend) + ',' + y2 + ' ' + x2 + ',' + y2}, svg('title', {}, edge.relation)));
    }
    for (const node of provenance.nodes) {
        const place = places[node.id];
        const allCovered = node.events.every(link => link.covered);
        const box = svg('g', {class: 'node kind-' + node.kind.toLowerCase() + (allCovered ? '' : ' uncovered'),
            transform: 'translate(' + place.x + ',' + place.y + ')', 'data-node': node.id},
        svg('title', {}, node.label),
        svg('rect', {width: NODE_WIDTH, height: NODE_HEIGHT, rx: 6}),
        svg('text', {x: 8, y: 17, class: 'kind'}, words(node.kind) + ' · ' + node.events.length + ' event'
            + (node.events.length === 1 ? '' : 's') + (allCovered ? ' ✓' : ' ✗')),
        svg('text', {x: 8, y: 35}, node.label.length > 30 ? node.label.substring(0, 29) + '…' : node.label));
        box.addEventListener('click', () => show(node));
        picture.append(box);
    }
    return scrollable(h('div', {class: 'graph-wrap'}, picture), 'Graph of what the certificate rests on');
}

function eventsOf(node) {
    return table([
        {label: 'Position', value: link => String(link.globalPosition)},
        {label: 'Event', value: link => h('code', {class: 'event-type'}, link.type)},
        {label: 'Record', value: link => h('a', {href: '#/audit/records/' + encodeURIComponent(link.recordType) + '/'
            + encodeURIComponent(link.recordId)}, link.recordType + ' ' + link.recordId)},
        {label: 'When (UTC)', value: link => exact(link.occurredAt)},
        {label: 'Actor', value: link => link.actorPin ? 'PIN ' + link.actorPin : '—'},
        {label: 'Chain', value: covered},
        {label: 'Chain hash', value: link => h('code', {title: link.chainHash}, link.chainHash.substring(0, 12) + '…')}
    ], node.events, 'No event records this: ' + node.label + '.', 'Events of ' + node.label);
}

function restsOn(provenance, node) {
    const labels = Object.fromEntries(provenance.nodes.map(other => [other.id, other.label]));
    const out = provenance.edges.filter(edge => edge.from === node.id);
    return out.length ? h('ul', {class: 'plain'}, out.map(edge => h('li', {}, edge.relation + ': '
        + labels[edge.to]))) : '—';
}

async function exportCase(number) {
    const frozen = await dialog({title: 'Export as a case bundle', intro: 'Freezes every record this certificate rests '
        + 'on, at the chain\'s head, into a case bundle anyone can check.', submitLabel: 'Freeze the case',
    fields: [{name: 'title', label: 'Title', value: 'Provenance of ' + number, required: true}],
    submit: values => post('/api/certificates/' + encodeURIComponent(number) + '/provenance/case',
        {title: values.title})});
    if (frozen) {
        notify('Case frozen up to global position ' + frozen.upToPosition + ' with ' + frozen.records.length
            + ' records.', 'ok');
        go('/audit/cases/' + encodeURIComponent(frozen.caseId));
    }
}

function lookup(number) {
    return form({id: 'provenance-lookup', class: 'toolbar', submitLabel: 'Show provenance', fields: [
        {name: 'number', label: 'Certificate number', value: number || '', required: true,
            attrs: {spellcheck: 'false', autocomplete: 'off'}}],
    submit: async values => {
        if (!values.number) {
            throw {status: 400, fieldErrors: [{field: 'number', message: 'Enter the certificate number.'}]};
        }
        go('/provenance/' + encodeURIComponent(values.number.trim().toUpperCase()));
    }});
}

function provenanceHome(container) {
    page(container, 'Provenance', h('p', {class: 'lead'}, 'Everything a certificate rests on, each with the events '
        + 'that record it and the hash chain\'s check of each event.'), section('Find a certificate', lookup('')));
}

async function provenancePage(container, params) {
    const number = params.number;
    let provenance;
    try {
        provenance = await get('/api/certificates/' + encodeURIComponent(number) + '/provenance');
    } catch (error) {
        if (error.status !== 404 && error.status !== 400) {
            throw error;
        }
        page(container, 'Provenance', h('p', {class: 'message error', role: 'alert'}, error.message),
            section('Find a certificate', lookup(number)));
        return;
    }
    const chosen = h('section', {class: 'panel', id: 'node-events', 'aria-live': 'polite'},
        h('h2', {}, 'Events'), h('p', {class: 'hint'}, 'Choose a node of the graph, or "Show events" in the table.'));
    const show = node => {
        chosen.textContent = '';
        chosen.append(h('h2', {}, words(node.kind) + ': ' + node.label), eventsOf(node));
        chosen.scrollIntoView({block: 'nearest'});
    };
    const events = new Set(provenance.nodes.flatMap(node => node.events.map(link => link.globalPosition)));
    const chain = provenance.chain;
    page(container, 'Provenance of ' + provenance.certificateNumber,
        h('p', {class: 'lead'}, events.size + ' events across ' + provenance.records.length + ' records, up to the '
            + 'certificate\'s issue at global position ' + provenance.issuedAtPosition + '.'),
        h('p', {id: 'chain-summary', class: 'message ' + (chain.allCovered ? 'ok' : 'error')}, chain.allCovered
            ? 'Every event is covered by the hash chain ✓ (head at position ' + chain.headPosition + ').'
            : 'Not covered by the hash chain ✗: positions ' + chain.notCovered.join(', ') + '.'),
        h('div', {class: 'actions'}, button('Export as a case bundle', () => exportCase(provenance.certificateNumber)),
            h('a', {href: '#/provenance'}, 'Another certificate')),
        section('Graph', h('p', {class: 'hint'}, 'Each box is a thing the certificate rests on; choose one to see its '
            + 'events. The table below holds the same.'), graph(provenance, show)),
        chosen,
        section('Everything it rests on', table([
            {label: 'Kind', value: node => words(node.kind)},
            {label: 'What', value: node => node.label},
            {label: 'Rests on', value: node => restsOn(provenance, node)},
            {label: 'Events', value: node => node.events.map(link => link.globalPosition + (link.covered ? ' ✓' : ' ✗'))
                .join(', ') || '—'},
            {label: 'Details', value: node => button('Show events', () => show(node), 'secondary')}
        ], provenance.nodes, 'Nothing found.', 'Everything certificate ' + provenance.certificateNumber
            + ' rests on')));
}

register(
    {path: '/provenance', nav: 'Provenance', roles: AUDITORS, render: provenanceHome,
        summary: 'Everything a certificate rests on, as a graph, with the hash chain\'s check of each event'},
    {path: '/provenance/:number', roles: AUDITORS, render: provenancePage});
