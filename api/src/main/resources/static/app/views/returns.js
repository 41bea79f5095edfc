// Regulator returns (ADR 0169): a return for a period as the ledger stood at an instant, per centre and nationally,
// the same bytes every time it is regenerated for that instant (the CSV's SHA-256 is shown beside its download), and
// the comparison of two instants: each figure that changed, before and after, with the events that changed it.
import {api, get} from '../api.js';
import {button, day, form, h, notify, page, section, table, when} from '../ui.js';
import {go, register} from '../router.js';
import {isImiStaff} from '../session.js';
import {centreDirectory, centreLabel, centreOptions, figures} from './reports.js';

function count(value) {
    return Number(value).toLocaleString('en-GB');
}

/** The last whole quarter before today (UTC): the usual period of a return. */
function lastQuarter() {
    const today = new Date();
    const quarter = Math.floor(today.getUTCMonth() / 3);
    const year = quarter === 0 ? today.getUTCFullYear() - 1 : today.getUTCFullYear();
    const first = quarter === 0 ? 9 : (quarter - 1) * 3;
    const iso = date => date.toISOString().substring(0, 10);
    return {from: iso(new Date(Date.UTC(year, first, 1))), to: iso(new Date(Date.UTC(year, first + 3, 0)))};
}

/** An instant to the second, as the API takes it. */
function second(instant) {
    return new Date(Math.floor(new Date(instant).getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

async function returnsPage(container, params, query) {
    const [catalogue, centres] = await Promise.all([get('/api/returns'), centreDirectory()]);
    const quarter = lastQuarter();
    const chosen = {
        code: query.get('code') || catalogue.returns[0].code,
        from: query.get('from') || quarter.from,
        to: query.get('to') || quarter.to,
        asOf: query.get('asOf') || (catalogue.settledUpTo ? second(catalogue.settledUpTo) : ''),
        centreId: query.get('centreId') || '',
        since: query.get('since') || ''
    };
    const kind = catalogue.returns.find(each => each.code === chosen.code) || catalogue.returns[0];
    const imi = isImiStaff();
    const fields = [
        {name: 'code', label: 'Return', type: 'select', value: kind.code,
            options: catalogue.returns.map(each => ({value: each.code, label: each.title}))},
        {name: 'from', label: 'From', type: 'date', required: true, value: chosen.from},
        {name: 'to', label: 'To', type: 'date', required: true, value: chosen.to},
        {name: 'asOf', label: 'As of', required: true, value: chosen.asOf,
            hint: 'An instant in UTC, e.g. 2026-10-01T00:00:00Z' + (catalogue.settledUpTo
                ? '; at the latest ' + second(catalogue.settledUpTo) + '.' : '; the ledger has settled none yet.')},
        {name: 'since', label: 'Compare with', value: chosen.since,
            hint: 'An earlier instant: lists what changed between it and "As of", and the events that changed it.'}
    ];
    if (imi) {
        fields.splice(4, 0, {name: 'centreId', label: 'Centre', type: 'select', value: chosen.centreId,
            options: [{value: '', label: 'All centres'}, ...centreOptions(centres)]});
    }
    const filters = form({id: 'return-filters', class: 'toolbar', fields, submitLabel: 'Show return',
        submit: async values => {
            const next = new URLSearchParams();
            Object.entries(values).forEach(([name, value]) => value && next.set(name, value));
            go('/returns?' + next.toString());
        }});
    const content = [h('p', {class: 'lead'}, 'A return as the records stood at an instant: regenerated for the same '
        + 'instant it is the same, byte for byte. Compare two instants to see what changed since, and why.'),
        section('Return', filters, h('p', {class: 'hint'}, kind.title + '. Dates are inclusive.'))];
    if (chosen.asOf) {
        const parameters = new URLSearchParams({from: chosen.from, to: chosen.to, asOf: chosen.asOf});
        if (chosen.centreId) {
            parameters.set('centreId', chosen.centreId);
        }
        const path = '/api/returns/' + encodeURIComponent(kind.code) + '?' + parameters;
        try {
            const [data, file] = await Promise.all([get(path), api('GET', path, {accept: 'text/csv', raw: true})]);
            const csv = await file.text();
            const sha256 = (file.headers.get('ETag') || '').replace(/"/g, '');
            content.push(...figuresOf(data, centres), csvSection(data, csv, sha256));
            if (chosen.since) {
                parameters.set('since', chosen.since);
                const changes = await get('/api/returns/' + encodeURIComponent(kind.code) + '/changes?' + parameters);
                content.push(changesOf(changes, centres));
            }
        } catch (error) {
            content.push(h('p', {class: 'message error', role: 'alert', id: 'return-problem'}, error.message));
        }
    }
    page(container, 'Returns', content);
}

function columns(data, centres, national) {
    const list = [];
    if (!national) {
        list.push({label: 'Centre', value: row => centreLabel(centres, row.centreId)});
    }
    list.push({label: 'Qualification', value: row => row.qualificationCode});
    if (data.code === 'pass-rates') {
        list.push({label: 'Assessment', value: row => row.assessmentCode});
    }
    data.measures.forEach((measure, index) =>
        list.push({label: measure, class: 'number', value: row => count(row.values[index])}));
    if (data.rate) {
        list.push({label: data.rate, class: 'number', value: row => Number(row.rate).toFixed(1)});
    }
    return list;
}

function figuresOf(data, centres) {
    const totals = data.measures.map((measure, index) =>
        [measure, count(data.national.reduce((sum, row) => sum + row.values[index], 0))]);
    return [
        h('p', {class: 'hint', id: 'return-scope'}, (data.centreId ? centreLabel(centres, data.centreId)
            : 'All centres') + ' · ' + day(data.from) + ' to ' + day(data.to) + ' · as of ' + when(data.asOf)
            + ' (' + data.asOf + ').'),
        figures(...totals.map(([measure, value]) => [measure + ' nationally', value])),
        section('Per centre', table(columns(data, centres, false), data.centres, 'No figures for this period.',
            'Each centre\'s figures, by qualification')),
        section('National', table(columns(data, centres, true), data.national, 'No figures for this period.',
            'The figures of every centre together, by qualification'))];
}

function csvSection(data, csv, sha256) {
    const filename = data.code + '-' + data.from + '-to-' + data.to + '-as-of-' + data.asOf.replace(/:/g, '') + '.csv';
    return section('CSV',
        h('p', {}, 'SHA-256 of the file: ', h('code', {id: 'return-sha256'}, sha256)),
        h('p', {class: 'hint'}, 'Regenerated for the same return, period, centre and instant, the file is the same and '
            + 'so is its SHA-256.'),
        h('div', {class: 'actions'}, button('Download CSV', () => {
            const link = document.createElement('a');
            link.href = URL.createObjectURL(new Blob([csv], {type: 'text/csv'}));
            link.download = filename;
            document.body.append(link);
            link.click();
            link.remove();
            notify('Downloaded ' + filename + '.', 'ok');
        }, 'secondary csv')));
}

function causeOf(cause) {
    const record = cause.recordType === 'candidate' || cause.recordType === 'attempt'
        ? h('a', {href: '#/audit/records/' + cause.recordType + '/' + encodeURIComponent(cause.recordId)},
            cause.recordType + ' ' + cause.recordId)
        : cause.recordType + ' ' + cause.recordId;
    return h('li', {}, (cause.delta > 0 ? '+' : '') + cause.delta + ' · ' + cause.eventType + ' #'
        + cause.globalPosition + ' at ' + when(cause.occurredAt) + (cause.actorPin ? ' by PIN ' + cause.actorPin : '')
        + ' · ', record, h('span', {class: 'hint'}, ' · event ' + cause.eventId));
}

function changesOf(changes, centres) {
    return section('Changes since ' + when(changes.since),
        h('p', {class: 'hint', id: 'changes-scope'}, changes.changes.length + ' figures changed between '
            + changes.since + ' and ' + changes.asOf + ', by ' + changes.events + ' events.'),
        table([
            {label: 'Centre', value: change => centreLabel(centres, change.centreId)},
            {label: 'Qualification', value: change => change.qualificationCode},
            {label: 'Assessment', value: change => change.assessmentCode},
            {label: 'Measure', value: change => change.measure},
            {label: 'Before', class: 'number', value: change => count(change.before)},
            {label: 'After', class: 'number', value: change => count(change.after)},
            {label: 'Events', value: change => h('ul', {class: 'causes'}, change.causes.map(causeOf))}
        ], changes.changes, 'Nothing changed between the two instants.', 'Figures that changed'));
}

register({path: '/returns', nav: 'Returns', roles: ['IMI_ADMIN', 'AUDITOR'], render: returnsPage,
    summary: 'Regulator returns as of any instant, and what changed between two'});
