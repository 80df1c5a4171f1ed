package org.fourthpurpose.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fourthpurpose.reference.ReferenceDataLoader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Stops a {@link NeedsReferenceData} handler from running before its datasets have been loaded
 * once, with {@link StillLoadingException}, which the page and API exception handlers turn into an
 * honest "still loading" answer.
 */
@Component
class ReferenceDataReadiness implements HandlerInterceptor, WebMvcConfigurer {

  private final ObjectProvider<ReferenceDataLoader> loaders;

  /** The loader is absent only in web slices that test one controller without the data. */
  ReferenceDataReadiness(ObjectProvider<ReferenceDataLoader> loaders) {
    this.loaders = loaders;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this);
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)) {
      return true;
    }
    NeedsReferenceData needs = method.getMethodAnnotation(NeedsReferenceData.class);
    if (needs == null) {
      needs =
          AnnotatedElementUtils.findMergedAnnotation(
              method.getBeanType(), NeedsReferenceData.class);
    }
    ReferenceDataLoader loader = loaders.getIfAvailable();
    if (needs == null || loader == null) {
      return true;
    }
    for (String dataset : needs.value()) {
      if (!loader.isAvailable(dataset)) {
        String status = loader.backgroundStatus();
        if (status.startsWith("failed")) {
          throw new StillLoadingException(
              "The published figures could not be loaded, so this cannot be shown. An"
                  + " administrator can see why on the About the data page.",
              true);
        }
        throw new StillLoadingException(
            "The published figures are still loading after the service started. This takes about"
                + " a minute on a first start. Nothing is shown until they are all here, so that"
                + " no table or summary is read as complete when it is not. Try again in a few"
                + " seconds.",
            false);
      }
    }
    return true;
  }
}
