package org.fourthpurpose.web;

import java.lang.reflect.Type;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.databind.JsonNode;

/**
 * Refuses, as a 400 for an unreadable body, a JSON body read as a tree ({@link JsonNode}) whose
 * text or field names hold the NUL character. {@link NulRefusingJsonModule} covers bodies bound to
 * records; a tree is built without the string deserialiser, so it needs this walk. PostgreSQL
 * cannot store NUL, and saving it would otherwise fail as a 500.
 */
@ControllerAdvice
class NulRefusingBodyAdvice extends RequestBodyAdviceAdapter {

  @Override
  public boolean supports(
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    return targetType instanceof Class<?> type && JsonNode.class.isAssignableFrom(type);
  }

  @Override
  public Object afterBodyRead(
      Object body,
      HttpInputMessage inputMessage,
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    if (body instanceof JsonNode tree) {
      String where = firstNul(tree, "$");
      if (where != null) {
        throw new HttpMessageNotReadableException(
            "The JSON body's " + where + " holds a NUL character, which no value may contain",
            inputMessage);
      }
    }
    return body;
  }

  /** The JSON path of the first text or field name holding NUL, or null when none does. */
  static String firstNul(JsonNode node, String path) {
    if (node == null) {
      return null;
    }
    if (node.isString()) {
      return node.asString().indexOf('\u0000') >= 0 ? path : null;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String found = firstNul(node.get(i), path + "[" + i + "]");
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String name = field.getKey();
        String here = path + "." + name.replace('\u0000', '\uFFFD');
        if (name.indexOf('\u0000') >= 0) {
          return here;
        }
        String found = firstNul(field.getValue(), here);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
