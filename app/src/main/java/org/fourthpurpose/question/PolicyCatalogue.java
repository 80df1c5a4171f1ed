package org.fourthpurpose.question;

import java.util.List;
import java.util.Optional;

/**
 * The policies and funding programmes a system can use, each in its current version. The shipped
 * file seeds version 1 of each; a platform administrator edits them in the product, every edit a
 * new version with who and when.
 */
public interface PolicyCatalogue {

  /** Every policy and programme in its current version, by kind and then name. */
  List<Policy> policies();

  /** The current version of one, e.g. {@code social-value-act-2012}. */
  Optional<Policy> find(String id);

  /** Every version of one, newest first; empty when there is no such id. */
  List<Policy> history(String id);
}
