package org.awardinghub.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.awardinghub.command.user.UserDirectory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns {@code Authorization: Bearer <token>} into the acting user. The user is read from the command side's
 * directory, updated in the same transaction as the user's events, so a deactivation takes effect at once.
 */
public class BearerSessionFilter extends OncePerRequestFilter {

    public static final String PREFIX = "Bearer ";

    private final SessionStore sessions;
    private final UserDirectory directory;

    public BearerSessionFilter(SessionStore sessions, UserDirectory directory) {
        this.sessions = sessions;
        this.directory = directory;
    }

    /** The token of {@code Authorization: Bearer <token>}, if the request sends one. */
    static Optional<String> bearerToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.startsWith(PREFIX) && header.length() > PREFIX.length()
                ? Optional.of(header.substring(PREFIX.length()).strip())
                : Optional.empty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        bearerToken(request)
                .flatMap(sessions::touch)
                .flatMap(directory::findById)
                .filter(account -> account.active())
                .ifPresent(account -> {
                    ActingUser user = new ActingUser(
                            account.userId(),
                            account.pin(),
                            account.name(),
                            account.roles(),
                            account.centreId(),
                            account.candidateId());
                    List<SimpleGrantedAuthority> authorities = account.roles().stream()
                            .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                            .toList();
                    SecurityContextHolder.getContext()
                            .setAuthentication(new UsernamePasswordAuthenticationToken(user, null, authorities));
                });
        chain.doFilter(request, response);
    }
}
