// The one way the web UI talks to the server: the public HTTP API, with the signed-in user's bearer token.
// A problem response (RFC 9457) becomes an ApiError whose message is the server's own words, field by field.

const SESSION_KEY = 'awarding.session';

export function session() {
    try {
        return JSON.parse(sessionStorage.getItem(SESSION_KEY));
    } catch (e) {
        return null;
    }
}

export function saveSession(value) {
    if (value) {
        sessionStorage.setItem(SESSION_KEY, JSON.stringify(value));
    } else {
        sessionStorage.removeItem(SESSION_KEY);
    }
}

export class ApiError extends Error {
    constructor(status, problem) {
        super(describe(status, problem));
        this.status = status;
        this.problem = problem || {};
        this.fieldErrors = Array.isArray(this.problem.errors) ? this.problem.errors : [];
    }
}

function describe(status, problem) {
    if (problem && Array.isArray(problem.errors) && problem.errors.length) {
        return problem.errors.map(error => error.message).join(' ');
    }
    if (problem && problem.reasons && problem.reasons.length) {
        const detail = problem.detail || '';
        return problem.reasons.every(reason => detail.includes(reason)) ? detail
            : (detail ? detail + ' ' : '') + problem.reasons.join(' ');
    }
    if (problem && problem.detail) {
        return problem.detail;
    }
    switch (status) {
        case 401: return 'Your session has ended. Please sign in again.';
        case 403: return 'Your role does not allow this.';
        case 404: return 'Not found, or not yours to see.';
        case 412: return 'This record was changed by someone else since you opened it. Reload it and try again.';
        case 429: return 'Too many attempts. Please wait and try again later.';
        case 0: return 'The server could not be reached. Check your connection and try again.';
        default: return 'Something went wrong (' + status + '). Please try again.';
    }
}

let onSignedOut = () => {};
let onActivity = () => {};

/** Called when the server says the session is over (401 on a signed-in call). */
export function whenSignedOut(callback) {
    onSignedOut = callback;
}

/** Called after every successful call: the server's idle timer restarted. */
export function whenActive(callback) {
    onActivity = callback;
}

/**
 * Calls the API. options: {body, token (overrides the session's), accept, raw (answer the Response), version (the
 * record's version as it was shown: sent as If-Match, so that the server refuses the change with 412 if someone
 * changed the record since)}.
 * Answers the parsed JSON (null for an empty body), or throws ApiError.
 */
export async function api(method, path, options = {}) {
    const headers = {};
    const token = options.token !== undefined ? options.token : session()?.token;
    if (token) {
        headers.Authorization = 'Bearer ' + token;
    }
    if (options.accept) {
        headers.Accept = options.accept;
    }
    if (options.version !== undefined && options.version !== null) {
        headers['If-Match'] = '"' + options.version + '"';
    }
    let body;
    if (options.body !== undefined) {
        if (options.body instanceof FormData) {
            body = options.body; // a file upload: the browser writes the multipart body and its boundary
        } else if (typeof options.body === 'string') {
            headers['Content-Type'] = options.contentType || 'text/plain';
            body = options.body;
        } else {
            headers['Content-Type'] = 'application/json';
            body = JSON.stringify(options.body);
        }
    }
    let response;
    try {
        response = await fetch(path, {method, headers, body});
    } catch (e) {
        throw new ApiError(0, null);
    }
    if (!response.ok) {
        let problem = null;
        try {
            problem = await response.json();
        } catch (e) {
            problem = null;
        }
        if (response.status === 401 && token && options.token === undefined && !path.startsWith('/api/auth/')) {
            onSignedOut('Your session has ended. Please sign in again.');
        }
        throw new ApiError(response.status, problem);
    }
    if (token && options.token === undefined) {
        onActivity();
    }
    if (options.raw) {
        return response;
    }
    const text = await response.text();
    return text ? JSON.parse(text) : null;
}

export const get = (path, options) => api('GET', path, options);
export const post = (path, body, options = {}) => api('POST', path, {...options, body});
export const put = (path, body, options = {}) => api('PUT', path, {...options, body});

/** Downloads a file from the API (CSV, PDF) with the session's token, saving it under the name given. */
export async function download(path, accept, filename) {
    const response = await api('GET', path, {accept, raw: true});
    const blob = await response.blob();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = filename;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}
