package org.puente.hub.agreement;

import static java.util.Objects.requireNonNull;

import java.io.Reader;
import java.util.List;
import org.puente.exchange.Agreement;
import org.puente.lake.catalog.AgreementResult;
import org.puente.lake.catalog.AgreementResults;
import org.puente.lake.catalog.Catalog;

/**
 * The hub's linkage of one agreement: reads the two sides, links them, protects the counts and
 * keeps only the protected counts in the hub's catalog.
 */
public final class AgreementLinkage {

  private final Catalog catalog;

  public AgreementLinkage(Catalog catalog) {
    this.catalog = requireNonNull(catalog, "catalog is null");
  }

  /** What one linkage found and what was kept of it. */
  public record Outcome(LinkCounts counts, List<AgreementResult> published) {}

  /** Links side A ({@code a}) with side B ({@code b}) and stores the protected counts. */
  public Outcome run(Agreement agreement, Reader a, String aName, Reader b, String bName) {
    LinkCounts counts =
        AgreementLinker.link(
            agreement, SideFile.rows(agreement, a, aName), SideFile.rows(agreement, b, bName));
    List<AgreementResult> cells = AgreementProtection.protect(counts);
    catalog.agreementResults().store(agreement.id(), cells);
    return new Outcome(counts, cells);
  }

  /** The latest stored linkage of an agreement. */
  public java.util.Optional<AgreementResults.Computed> latest(String agreement) {
    return catalog.agreementResults().latest(agreement);
  }
}
