package org.fourthpurpose.web;

import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses a JSON request body whose text holds the NUL character (U+0000), as a 400 for an
 * unreadable body: the JSON twin of {@link NulCharacterInterceptor}, since PostgreSQL cannot store
 * the character and saving it would fail as a 500. Spring Boot adds the module to the JSON mapper
 * the API reads bodies with.
 */
@Component
class NulRefusingJsonModule extends SimpleModule {

  NulRefusingJsonModule() {
    super("nul-refusing-strings");
    addDeserializer(String.class, new NulRefusingStrings());
  }

  /** Strings as Jackson reads them, except one holding NUL. */
  static final class NulRefusingStrings extends StringDeserializer {
    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
      String text = super.deserialize(parser, context);
      if (text != null && text.indexOf('\u0000') >= 0) {
        throw context.weirdStringException(
            text.replace('\u0000', '\uFFFD'), String.class, "it holds a NUL character");
      }
      return text;
    }
  }
}
