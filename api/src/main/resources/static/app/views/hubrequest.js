// Hub requests between a centre and IMI: raising one, the conversation of replies, closing it; and IMI's inbox of
// requests from every centre.
import {get, post} from '../api.js';
import {badge, form, h, notify, pager, section, table, when} from '../ui.js';
import {go} from '../router.js';
import {isImiStaff} from '../session.js';
import {actWithReason, allPages, awaitRead, centreHref, enc, filterForm, hubPage, kindWords, REQUEST_KINDS,
    writesRequestsOf} from './hub-common.js';

const PAGE_SIZE = 10;

/** Who raised or replied: the name the API gives beside the id, else the centre's user list's, else the side. */
function who(name, userId, fromImi, people) {
    return name || people[userId] || (fromImi ? 'IMI' : 'centre staff');
}

/** The requests of one centre, newest first, with a form to raise one; focusId names one to show first. */
export function requestsSection(centre, people, focusId) {
    const base = '/api/centres/' + enc(centre.centreId) + '/requests';
    const writes = writesRequestsOf(centre.centreId) && centre.status !== 'WITHDRAWN';
    const list = h('div', {class: 'hub-requests', 'aria-live': 'polite'}, h('p', {class: 'hint'}, 'Loading requests…'));
    let currentPage = 0;

    async function load(pageNumber = currentPage, until) {
        currentPage = pageNumber;
        try {
            const read = () => get(base + '?page=' + pageNumber + '&size=' + PAGE_SIZE);
            const answer = until ? await awaitRead(read, until) : await read();
            list.textContent = '';
            list.append(...(answer.items.length ? answer.items.map(request => requestArticle(request))
                : [h('p', {class: 'empty'}, 'No requests yet.')]));
            if (answer.total > PAGE_SIZE) {
                list.append(pager(answer, next => load(next)));
            }
            const focused = focusId && list.querySelector('#request-' + CSS.escape(focusId));
            if (focused) {
                focused.scrollIntoView({block: 'start'});
                focused.focus({preventScroll: true});
                focusId = null;
            }
        } catch (error) {
            list.textContent = '';
            list.append(h('p', {class: 'message error'}, 'The requests could not be read: ' + error.message));
        }
    }

    function requestArticle(request) {
        const path = base + '/' + enc(request.requestId);
        const open = request.status === 'OPEN';
        const replyCount = request.replies.length;
        const replyHolder = h('div', {class: 'reply-holder'});
        const replyForm = () => form({class: 'reply-form', submitLabel: 'Send reply', fields: [
            {name: 'body', label: 'Reply to “' + request.subject + '”', type: 'textarea', required: true,
                attrs: {maxlength: 5000, rows: 4}}],
        submit: async values => {
            const posted = await post(path + '/replies', {body: values.body});
            notify('Your reply to “' + request.subject + '” is sent (reply ' + posted.replyNumber + ').', 'ok');
            await load(currentPage, answer => answer.items.some(item => item.requestId === request.requestId
                && item.replies.length > replyCount));
        }});
        const heading = 'request-title-' + request.requestId;
        return h('article', {class: 'hub-request' + (open ? '' : ' closed'), id: 'request-' + request.requestId,
            tabindex: '-1', 'aria-labelledby': heading},
        h('header', {},
            h('h3', {id: heading}, request.subject),
            h('p', {class: 'meta'}, badge(kindWords(request.kind), 'kind'), ' ',
                badge(open ? 'Open' : 'Closed', open ? 'applied' : 'closed'), ' ',
                'Raised by ' + who(request.raisedByName, request.raisedByUserId, false, people) + ', ' + when(request.raisedAt))),
        h('p', {class: 'message-body'}, request.body),
        replyCount ? h('ol', {class: 'replies', 'aria-label': 'Replies'}, request.replies.map(reply =>
            h('li', {class: reply.fromImi ? 'from-imi' : 'from-centre'},
                h('p', {class: 'meta'}, h('strong', {}, reply.fromImi ? 'IMI replied' : 'The centre replied'),
                    ' · ' + who(reply.repliedByName, reply.repliedByUserId, reply.fromImi, people), ' · ' + when(reply.at)),
                h('p', {class: 'message-body'}, reply.body))))
            : h('p', {class: 'hint'}, open ? 'No reply yet.' : 'No replies.'),
        open ? null : h('p', {class: 'closed-note'}, 'Closed ' + when(request.closedAt)
            + (request.closeReason ? ': ' + request.closeReason : '.')),
        open && writes ? h('div', {class: 'actions'},
            h('button', {type: 'button', class: 'secondary', 'aria-expanded': 'false', onclick: event => {
                const shown = !replyHolder.firstChild;
                replyHolder.textContent = '';
                if (shown) {
                    replyHolder.append(replyForm());
                    replyHolder.querySelector('textarea').focus();
                }
                event.currentTarget.setAttribute('aria-expanded', String(shown));
            }}, 'Reply'),
            h('button', {type: 'button', class: 'secondary', onclick: async () => {
                if (await actWithReason('Close “' + request.subject + '”?', 'Nobody can reply to a closed request.',
                    reason => post(path + '/close', {reason}), 'Close the request')) {
                    notify('“' + request.subject + '” is closed.', 'ok');
                    await load(currentPage, answer => answer.items.some(item =>
                        item.requestId === request.requestId && item.status === 'CLOSED'));
                }
            }}, 'Close request')) : null,
        replyHolder);
    }

    const raiseHolder = h('div', {class: 'raise-holder'});
    const raiseForm = () => form({id: 'raise-request', submitLabel: 'Send to IMI', fields: [
        {name: 'kind', label: 'Kind', type: 'select', required: true, options: REQUEST_KINDS},
        {name: 'subject', label: 'Subject', required: true, attrs: {maxlength: 200}},
        {name: 'body', label: 'Message', type: 'textarea', required: true, attrs: {maxlength: 5000, rows: 5}}],
    submit: async values => {
        const raised = await post(base, values);
        notify('Your ' + kindWords(values.kind).toLowerCase() + ' “' + values.subject + '” is sent to IMI. '
            + 'Replies appear here.', 'ok');
        raiseHolder.textContent = '';
        raiseToggle.setAttribute('aria-expanded', 'false');
        await load(0, answer => answer.items.some(item => item.requestId === raised.requestId));
    }});
    const raiseToggle = h('button', {type: 'button', 'aria-expanded': 'false', onclick: () => {
        const shown = !raiseHolder.firstChild;
        raiseHolder.textContent = '';
        if (shown) {
            raiseHolder.append(raiseForm());
            raiseHolder.querySelector('select').focus();
        }
        raiseToggle.setAttribute('aria-expanded', String(shown));
    }}, isImiStaff() ? 'Raise a request for this centre' : 'Raise a request or give feedback');

    load(0);
    return section('Hub requests',
        h('p', {class: 'hint'}, isImiStaff() ? 'Requests and feedback from the centre, and IMI\'s replies.'
            : 'Ask IMI for something or give feedback; IMI\'s replies appear here.'),
        writes ? h('div', {class: 'actions'}, raiseToggle) : null,
        raiseHolder,
        list);
}

/** IMI's inbox: requests from every centre, newest first, open ones by default. */
export async function inboxPage(container, params, query) {
    const status = query.has('status') ? query.get('status') : 'OPEN';
    const pageNumber = Math.max(0, Number.parseInt(query.get('page') || '0', 10) || 0);
    const [answer, centres] = await Promise.all([
        get('/api/requests?page=' + pageNumber + '&size=25' + (status ? '&status=' + enc(status) : '')),
        allPages('/api/centres').catch(() => [])]);
    const names = Object.fromEntries(centres.map(centre => [centre.centreId, centre.name]));
    const address = (newStatus, newPage) => '/requests?status=' + enc(newStatus) + (newPage ? '&page=' + newPage : '');
    hubPage(container, 'Hub requests',
        h('p', {class: 'lead'}, 'Requests and feedback from every centre, newest first. Open one on its centre\'s '
            + 'profile to reply or close it.'),
        filterForm(form({id: 'request-filter', class: 'toolbar', submitLabel: 'Show', fields: [
            {name: 'status', label: 'Show', type: 'select', value: status, options: [
                {value: 'OPEN', label: 'Open requests'}, {value: 'CLOSED', label: 'Closed requests'},
                {value: '', label: 'All requests'}]}],
        submit: async values => go(address(values.status, 0))})),
        table([
            {label: 'Subject', value: request => h('a', {href: centreHref(request.centreId) + '?request='
                + enc(request.requestId)}, request.subject)},
            {label: 'Centre', value: request => names[request.centreId] || request.centreId},
            {label: 'Kind', value: request => kindWords(request.kind)},
            {label: 'Status', value: request => badge(request.status === 'OPEN' ? 'Open' : 'Closed',
                request.status === 'OPEN' ? 'applied' : 'closed')},
            {label: 'Raised', value: request => when(request.raisedAt)},
            {label: 'Replies', value: request => String(request.replies.length), class: 'number'},
            {label: 'Last reply', value: request => request.replies.length
                ? (request.replies[request.replies.length - 1].fromImi ? 'IMI' : 'The centre') : 'None yet'}
        ], answer.items, status === 'OPEN' ? 'No open requests: nothing is waiting for IMI.' : 'No requests.'),
        answer.total > answer.size ? pager(answer, next => go(address(status, next))) : null);
}
