package org.awardinghub.api.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
class WebConfiguration implements WebMvcConfigurer {

    private final AccessInterceptor access;
    private final AcceptCheck accept;

    public WebConfiguration(AccessInterceptor access, AcceptCheck accept) {
        this.access = access;
        this.accept = accept;
    }

    /** Who may call first, then whether the answer can be given in a type the caller accepts: both before the handler. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(access).addPathPatterns("/api/**");
        registry.addInterceptor(accept).addPathPatterns("/api/**");
    }

    /** The web UI, and the pages the activation and reset emails link to. */
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        // the web UI, whatever the Accept header (Spring's welcome page answers only a client that asks for HTML)
        registry.addViewController("/").setViewName("forward:/index.html");
        registry.addViewController("/activate").setViewName("forward:/set-password.html");
        registry.addViewController("/reset-password").setViewName("forward:/set-password.html");
        // the public certificate check, where a certificate's QR code leads
        registry.addViewController("/verify").setViewName("forward:/verify.html");
        // where a candidate sits a test: no PIN, the registration number and the invigilator's access key
        registry.addViewController("/test").setViewName("forward:/test.html");
    }
}
