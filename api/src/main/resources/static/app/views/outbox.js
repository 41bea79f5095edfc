// The embedded default's outbox (IMI_ADMIN): the emails the system has sent, on a machine without a mail server.
// Each is delivered as a file under the server's data directory; here its one-time link is withheld, so that no
// administrator can follow another user's activation or reset link. With SMTP configured there is no outbox.
import {get} from '../api.js';
import {form, h, page, section, when} from '../ui.js';
import {go, register} from '../router.js';

/** The email's text, with links to this application made clickable (and nothing else, nor a withheld link). */
function body(text) {
    const parts = [];
    const pattern = /https?:\/\/[^\s]+/g;
    let last = 0;
    for (const match of text.matchAll(pattern)) {
        parts.push(text.substring(last, match.index));
        const url = new URL(match[0]);
        const local = url.origin === location.origin || url.hostname === 'localhost';
        const withheld = url.searchParams.get('token') === 'WITHHELD';
        parts.push(local && !withheld ? h('a', {href: location.origin + url.pathname + url.search}, match[0]) : match[0]);
        last = match.index + match[0].length;
    }
    parts.push(text.substring(last));
    return h('div', {class: 'email-body'}, parts);
}

async function outboxPage(container, params, query) {
    const to = query.get('to') || '';
    let emails;
    try {
        emails = await get('/api/outbox' + (to ? '?to=' + encodeURIComponent(to) : ''));
    } catch (error) {
        page(container, 'Outbox', h('p', {class: 'message info'}, error.message));
        return;
    }
    page(container, 'Outbox',
        h('p', {class: 'lead'}, 'Emails the system has sent, newest first (the latest 200). Without a mail server '
            + 'each is delivered as a file in the server\'s data directory, for whoever runs the server to pass on. '
            + 'One-time links are withheld here: only the person an email is addressed to may follow its link.'),
        form({id: 'outbox-filter', class: 'toolbar', submitLabel: 'Show', omitBlank: true, fields: [
            {name: 'to', label: 'To (email address)', type: 'email', value: to}],
        submit: values => go('/outbox' + (values.to ? '?to=' + encodeURIComponent(values.to) : ''))}),
        emails.length ? emails.map(email => section(email.subject,
            h('p', {class: 'hint'}, 'To ', h('strong', {}, email.to), ' · ', when(email.sentAt)), body(email.body),
            h('p', {class: 'hint', 'data-file': email.file}, 'Delivered to ', h('code', {}, email.file),
                ' in the data directory.')))
            : h('p', {class: 'empty'}, to ? 'No email to ' + to + '.' : 'No email has been sent yet.'));
}

register({path: '/outbox', nav: 'Outbox', summary: 'Emails sent (activation and password links)',
    roles: ['IMI_ADMIN'], render: outboxPage});
