// Sets a password with the one-time token of an activation (/activate) or reset (/reset-password) email
// (?token=...), through the public API. One page serves both links.
(function () {
    const reset = window.location.pathname.startsWith('/reset-password');
    const endpoint = reset ? '/api/auth/password-reset/complete' : '/api/auth/activate';
    if (reset) {
        document.title = 'Choose a new password · Awarding Hub';
        document.getElementById('heading').textContent = 'Choose a new password';
    }
    const form = document.getElementById('password-form');
    const message = document.getElementById('message');
    const token = new URLSearchParams(window.location.search).get('token');

    function show(text, kind) {
        message.textContent = text;
        message.className = 'message ' + kind;
        message.hidden = false;
    }

    if (!token) {
        form.hidden = true;
        show('This page needs the link from your email. Open the link exactly as it was sent.', 'error');
        return;
    }

    form.addEventListener('submit', async function (event) {
        event.preventDefault();
        const password = form.password.value;
        if (password !== form.confirm.value) {
            show('The two passwords are not the same.', 'error');
            return;
        }
        const button = document.getElementById('submit');
        button.disabled = true;
        try {
            const response = await fetch(endpoint, {
                method: 'POST',
                headers: {'Content-Type': 'application/json'},
                body: JSON.stringify({token: token, password: password})
            });
            if (response.status === 204) {
                form.hidden = true;
                form.reset();
                show('Your password is set. Sign in with your PIN and this password: ', 'ok');
                const signIn = document.createElement('a');
                signIn.href = '/#/sign-in';
                signIn.textContent = 'go to sign in';
                message.append(signIn, '.');
                return;
            }
            const problem = await response.json().catch(() => ({}));
            const errors = (problem.errors || []).map(e => (e.field === 'token' ? 'The link ' : 'The password ') + e.message);
            show(errors.length ? errors.join('. ') + '.' : (problem.detail || 'That did not work; please try again.'), 'error');
        } catch (failure) {
            show('The system could not be reached; check your connection and try again.', 'error');
        } finally {
            button.disabled = false;
        }
    });
}());
