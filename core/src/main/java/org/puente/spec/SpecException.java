package org.puente.spec;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;

/** A spec that cannot be used, with every problem found and the spec line of each. */
public final class SpecException extends PuenteException {

  private static final long serialVersionUID = 1L;

  private final String specName;
  private final transient List<SpecProblem> problems;

  public SpecException(String specName, List<SpecProblem> problems) {
    super(ErrorCode.BAD_INPUT, message(specName, problems));
    this.specName = requireNonNull(specName, "specName is null");
    this.problems = List.copyOf(problems);
  }

  public String specName() {
    return specName;
  }

  public List<SpecProblem> problems() {
    return problems;
  }

  private static String message(String specName, List<SpecProblem> problems) {
    StringBuilder message = new StringBuilder();
    for (SpecProblem problem : problems) {
      if (message.length() > 0) {
        message.append(System.lineSeparator());
      }
      message
          .append("spec ")
          .append(specName)
          .append(" line ")
          .append(problem.line())
          .append(": ")
          .append(problem.message());
    }
    return message.toString();
  }
}
