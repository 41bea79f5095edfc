// IMI's list of centres (by status and name) and the form that records a new centre's application.
import {get, post} from '../api.js';
import {flash, form, h, pager, table} from '../ui.js';
import {go} from '../router.js';
import {awaitRead, enc, filterForm, hubPage, isAdmin, sanctionName, STATUS_WORDS,
    statusBadge} from './hub-common.js';

const PAGE_SIZE = 25;

function centresAddress(query) {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
        if (value !== undefined && value !== null && value !== '' && !(name === 'page' && Number(value) === 0)) {
            params.set(name, value);
        }
    }
    const text = params.toString();
    return '/centres' + (text ? '?' + text : '');
}

/**
 * The API filters and pages the centres (by status, and by words of the name or the start of the number); the page
 * asks for one page of the matching ones, and for each status's count alone (a page of one, for its total).
 */
export async function centresPage(container, params, query) {
    const status = query.get('status') || '';
    const q = (query.get('q') || '').trim();
    const pageNumber = Math.max(0, Number.parseInt(query.get('page') || '0', 10) || 0);
    const filter = (status ? '&status=' + enc(status) : '') + (q ? '&q=' + enc(q) : '');
    const [answer, ...totals] = await Promise.all([
        get('/api/centres?page=' + pageNumber + '&size=' + PAGE_SIZE + filter),
        ...Object.keys(STATUS_WORDS).map(key => get('/api/centres?size=1&status=' + enc(key)))]);
    const shown = answer.items;
    const counts = Object.keys(STATUS_WORDS).map((key, index) => [key, totals[index].total]);
    const all = counts.reduce((sum, [, count]) => sum + count, 0);

    const filters = filterForm(form({id: 'centre-filters', class: 'toolbar', submitLabel: 'Show centres', fields: [
        {name: 'status', label: 'Status', type: 'select', value: status, options: [{value: '', label: 'Any status'},
            ...Object.entries(STATUS_WORDS).map(([value, label]) => ({value, label}))]},
        {name: 'q', label: 'Name or centre number', value: q, attrs: {type: 'search', autocomplete: 'off'}}],
    submit: async values => go(centresAddress({status: values.status, q: values.q}))}));

    hubPage(container, 'Centres',
        h('p', {class: 'lead'}, all ? all + (all === 1 ? ' centre: ' : ' centres: ')
            + counts.filter(([, count]) => count).map(([key, count]) => count + ' ' + STATUS_WORDS[key].toLowerCase())
                .join(', ') + '.' : 'No centres yet.'),
        isAdmin() ? h('p', {}, h('a', {href: '#/centres/new', class: 'button-link'}, 'Add a centre')) : null,
        filters,
        h('p', {class: 'hint', role: 'status'}, status || q
            ? answer.total + ' of ' + all + ' centres match.' : 'Showing every centre, by name.'),
        table([
            {label: 'Centre', value: centre => h('a', {href: '#/centres/' + enc(centre.centreId)}, centre.name)},
            {label: 'Number', value: centre => centre.centreNumber || '—', class: 'number'},
            {label: 'Status', value: centre => statusBadge(centre.status)},
            {label: 'Direct Claim Status', value: centre => centre.directClaimStatus ? 'Yes' : 'No'},
            {label: 'Sanctions', value: centre => (centre.sanctions || []).map(sanctionName).join(', ') || 'None'},
            {label: 'Qualifications', value: centre => String((centre.qualificationCodes || []).length),
                class: 'number'},
            {label: 'Contact', value: centre => centre.contactEmail}
        ], shown, status || q ? 'No centre matches. Try another status or fewer words.' : 'No centres yet.'),
        answer.total > PAGE_SIZE ? pager(answer,
            next => go(centresAddress({status, q, page: next}))) : null);
}

export function newCentrePage(container) {
    hubPage(container, 'Add a centre',
        h('p', {class: 'lead'}, 'Record a centre\'s application. It is approved afterwards, on its profile, with the '
            + 'qualifications it may offer; the centre number is given on approval.'),
        form({id: 'new-centre', submitLabel: 'Add centre', fields: [
            {name: 'name', label: 'Centre name', required: true, attrs: {maxlength: 200, autocomplete: 'organization'}},
            {name: 'address', label: 'Address', type: 'textarea', required: true, attrs: {maxlength: 500}},
            {name: 'contactEmail', label: 'Contact email', type: 'email', required: true,
                hint: 'Where IMI writes to the centre.', attrs: {maxlength: 254, autocomplete: 'email'}}],
        submit: async values => {
            const created = await post('/api/centres', values);
            await awaitRead(() => get('/api/centres/' + enc(created.centreId)), () => true);
            flash(values.name + ' is added and awaits approval. Approve it below with its qualifications.', 'ok');
            go('/centres/' + created.centreId);
        }}),
        h('p', {}, h('a', {href: '#/centres'}, 'Back to centres')));
}
