// The documents library: qualification documents (specifications, sample assessment material, schemes of work) and
// key documents (the operating manual), each in numbered versions with the SHA-256 of its file. Every signed-in
// member of staff browses and downloads; IMI administrators upload documents and new versions.
import {download, get, post} from '../api.js';
import {register, go} from '../router.js';
import {badge, details, flash, form, h, notify, pager, section, table, when} from '../ui.js';
import {act, awaitRead, enc, filterForm, hubPage, isAdmin, readOrNotFound} from './hub-common.js';
import {withQuery} from './certification.js';

const KINDS = [
    {value: 'SPECIFICATION', label: 'Specification', ofQualification: true},
    {value: 'SAMPLE_ASSESSMENT', label: 'Sample assessment material', ofQualification: true},
    {value: 'SCHEME_OF_WORK', label: 'Scheme of work', ofQualification: true},
    {value: 'OPERATING_MANUAL', label: 'Operating manual', ofQualification: false},
    {value: 'KEY_DOCUMENT', label: 'Key document', ofQualification: false}
];

const kindWords = kind => (KINDS.find(k => k.value === kind) || {label: kind}).label;

function size(bytes) {
    if (bytes < 1024) {
        return bytes + ' bytes';
    }
    return bytes < 1024 * 1024 ? (bytes / 1024).toFixed(1) + ' KB' : (bytes / 1024 / 1024).toFixed(1) + ' MB';
}

/** The chosen file and the form's fields as the multipart body the API takes. */
function upload(formElement, fields) {
    const body = new FormData();
    const file = formElement.querySelector('input[type="file"]').files[0];
    if (file) {
        body.append('file', file);
    }
    for (const [name, value] of Object.entries(fields)) {
        if (value !== undefined && value !== null && value !== '') {
            body.append(name, value);
        }
    }
    return body;
}

const FILE_FIELD = {name: 'file', label: 'File', type: 'file', required: true,
    hint: 'PDF, Word, Excel, PowerPoint, OpenDocument, an image or a short video; up to 25 MB.'};
const NOTE_FIELD = {name: 'note', label: 'Note', type: 'textarea', hint: 'What this version changes, for centres.'};

async function libraryPage(container, params, query) {
    const qualificationCode = query.get('qualificationCode') || '';
    const kind = query.get('kind') || '';
    const pageNumber = Math.max(0, Number.parseInt(query.get('page') || '0', 10) || 0);
    const [answer, qualifications] = await Promise.all([
        get(withQuery('/api/library/documents', {qualificationCode, kind, page: pageNumber, size: 25})),
        get('/api/qualifications').catch(() => [])]);
    const here = {qualificationCode, kind};
    hubPage(container, 'Documents',
        h('p', {class: 'lead'}, 'Qualification specifications, sample assessment material, schemes of work and IMI\'s '
            + 'key documents. Every version is kept; each download is recorded with your PIN.'),
        isAdmin() ? h('p', {}, h('button', {type: 'button', id: 'upload-document',
            onclick: () => uploadDocument(qualifications)}, 'Upload a document')) : null,
        filterForm(form({id: 'library-filter', class: 'toolbar', submitLabel: 'Show', fields: [
            {name: 'qualificationCode', label: 'Qualification', type: 'select', value: qualificationCode, options: [
                {value: '', label: 'All qualifications and key documents'},
                ...qualifications.map(q => ({value: q.code, label: q.code + ' · ' + q.title}))]},
            {name: 'kind', label: 'Kind', type: 'select', value: kind, options: [{value: '', label: 'Every kind'},
                ...KINDS.map(k => ({value: k.value, label: k.label}))]}],
        submit: async values => go(withQuery('/library', values))})),
        table([
            {label: 'Title', value: doc => h('a', {href: '#/library/' + enc(doc.documentId)}, doc.title)},
            {label: 'Kind', value: doc => kindWords(doc.kind)},
            {label: 'Qualification', value: doc => doc.qualificationCode
                ? h('span', {class: 'code'}, doc.qualificationCode) : badge('For every centre', 'approved')},
            {label: 'Version', value: doc => String(doc.currentVersion), class: 'number'},
            {label: 'Updated', value: doc => when(doc.updatedAt)}
        ], answer.items, qualificationCode || kind ? 'No documents match.' : 'The library has no documents yet.',
        'Documents'),
        answer.total > answer.size ? pager(answer, next => go(withQuery('/library', {...here, page: next}))) : null);
}

async function uploadDocument(qualifications) {
    const done = await act({title: 'Upload a document', intro: 'The file becomes version 1 of a new document.',
        submitLabel: 'Add to the library', fields: [
            FILE_FIELD,
            {name: 'title', label: 'Title', required: true, attrs: {maxlength: 200}},
            {name: 'kind', label: 'Document kind', type: 'select', required: true, options: KINDS.map(k => ({value: k.value,
                label: k.label + (k.ofQualification ? '' : ' (for every centre)')}))},
            {name: 'qualificationCode', label: 'For qualification', type: 'select', options: [
                {value: '', label: 'None: a key document'},
                ...qualifications.map(q => ({value: q.code, label: q.code + ' · ' + q.title}))],
            hint: 'Required for a specification, sample assessment material or a scheme of work.'},
            NOTE_FIELD]},
    (values, formElement) => post('/api/library/documents', upload(formElement, values)));
    if (done) {
        const id = done.answer.documentId;
        await awaitRead(() => get('/api/library/documents/' + enc(id)), doc => doc && doc.currentVersion >= 1);
        flash('"' + done.values.title + '" is in the library as version 1.', 'ok');
        go('/library/' + id);
    }
}

async function documentPage(container, params) {
    const path = '/api/library/documents/' + enc(params.id);
    const doc = await readOrNotFound(container, path, 'Document', '#/library', 'All documents');
    if (!doc) {
        return;
    }
    const newest = [...doc.versions].reverse();
    hubPage(container, doc.title,
        h('p', {class: 'back'}, h('a', {href: '#/library'}, 'All documents')),
        section('Document', details([['Kind', kindWords(doc.kind)],
            ['Qualification', doc.qualificationCode || 'None: for every centre'],
            ['Current version', String(doc.currentVersion)], ['First uploaded', when(doc.createdAt)],
            ['Last updated', when(doc.updatedAt)]]),
        isAdmin() ? h('p', {}, h('button', {type: 'button', id: 'upload-version',
            onclick: () => uploadVersion(path, doc)}, 'Upload a new version')) : null),
        section('Versions', h('p', {class: 'hint'}, 'Newest first. The SHA-256 identifies the exact file: the '
            + 'downloaded bytes hash to it.'),
        table([
            {label: 'Version', value: v => String(v.version), class: 'number'},
            {label: 'File', value: v => v.fileName},
            {label: 'Size', value: v => size(v.size), class: 'number'},
            {label: 'Uploaded', value: v => when(v.uploadedAt)},
            {label: 'By PIN', value: v => v.uploadedByPin},
            {label: 'Note', value: v => v.note || ''},
            {label: 'Downloads', value: v => v.downloads === null ? '' : String(v.downloads), class: 'number'},
            {label: 'Action', value: v => h('button', {type: 'button', class: 'secondary small',
                'aria-label': 'Download version ' + v.version + ' of ' + doc.title,
                onclick: () => download(path + '/versions/' + v.version + '/file', v.mediaType, v.fileName)
                    .then(() => notify('Version ' + v.version + ' downloaded.', 'ok'))
                    .catch(error => notify(error.message, 'error'))}, 'Download')},
            {label: 'SHA-256', value: v => h('code', {class: 'hash'}, v.sha256)}
        ], newest, 'No versions.', 'Versions')));
}

async function uploadVersion(path, doc) {
    const next = doc.currentVersion + 1;
    const done = await act({title: 'Upload version ' + next + ' of ' + doc.title,
        intro: 'Earlier versions stay in the library.', submitLabel: 'Add to the library', fields: [FILE_FIELD, NOTE_FIELD]},
    (values, formElement) => post(path + '/versions', upload(formElement, values)));
    if (done) {
        const version = done.answer.version;
        await awaitRead(() => get(path), d => d && d.currentVersion >= version);
        flash('Version ' + version + ' uploaded.', 'ok');
        go('/library/' + doc.documentId);
    }
}

register(
    {path: '/library', nav: 'Documents', render: libraryPage,
        summary: 'Specifications, sample assessment material, schemes of work and the operating manual.'},
    {path: '/library/:id', render: documentPage});
