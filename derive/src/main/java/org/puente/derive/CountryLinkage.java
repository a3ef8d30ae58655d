package org.puente.derive;

import static java.util.Objects.requireNonNull;

import com.carrotsearch.hppc.LongHashSet;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.LongUnaryOperator;
import org.puente.lake.catalog.DerivationRun;
import org.puente.linkage.Clusters;
import org.puente.linkage.LinkageBlocks;
import org.puente.linkage.LinkageModel;
import org.puente.linkage.LinkageRecord;
import org.puente.linkage.LinkageSettings;
import org.puente.linkage.Linker;
import org.puente.linkage.ModelTraining;
import org.puente.linkage.TermFrequencies;

/**
 * The linkage of one reporting country's records within a run, the same for every engine: the
 * model's choice (the previous run's unless retraining, none when no two records share a blocking
 * key, else trained with the run's seed), the term frequencies, and a full link or, in an
 * incremental run, a resume from the earliest new record. Each engine reads the records and the
 * previous run's travellers its own way and calls {@link #link}.
 */
public final class CountryLinkage {

  /** What a traveller lookup answers for a record the previous run did not have. */
  public static final long NO_TRAVELLER = -1;

  private CountryLinkage() {}

  /**
   * How a run links every country.
   *
   * @param settings the configured part of a model trained now
   * @param seed seeds the u-probability sample of a model trained now
   * @param retrain whether to train even when the previous run has the country's model
   * @param previousModels the previous run's models ({@link ModelStore} JSON), if there is one
   * @param resume whether the run is incremental: earlier records keep their travellers
   * @param previousLastSubmission the previous run's last submission (when resuming)
   * @param lastSubmission the run's last submission
   */
  public record Plan(
      LinkageSettings settings,
      long seed,
      boolean retrain,
      Optional<String> previousModels,
      boolean resume,
      long previousLastSubmission,
      long lastSubmission) {

    public Plan {
      requireNonNull(settings, "settings is null");
      requireNonNull(previousModels, "previousModels is null");
      if (resume && previousLastSubmission < 0) {
        throw new IllegalArgumentException("an incremental run resumes a previous run");
      }
    }

    /** The plan of a run with these options, its previous run (if any), mode and submissions. */
    public static Plan of(
        DerivationOptions options,
        Optional<DerivationRun> previous,
        DerivationRun.Mode mode,
        long lastSubmission) {
      return new Plan(
          options.linkage(),
          options.seed(),
          options.linking() == DerivationOptions.Linking.RETRAIN,
          previous.flatMap(DerivationRun::linkageModel),
          mode == DerivationRun.Mode.INCREMENTAL,
          previous.map(DerivationRun::lastSubmissionId).orElse(-1L),
          lastSubmission);
    }
  }

  /** A country's travellers and its model (none when nothing could be linked). */
  public record Result(Clusters clusters, Optional<ModelStore.Entry> model) {

    public Result {
      requireNonNull(clusters, "clusters is null");
      requireNonNull(model, "model is null");
    }
  }

  /**
   * Links one country's records (in {@link Linker#ORDER}). {@code previousTraveller} gives the
   * previous run's traveller of a record, {@link #NO_TRAVELLER} when it had none; it is asked only
   * when resuming.
   */
  public static Result link(
      String country, List<LinkageRecord> records, Plan plan, LongUnaryOperator previousTraveller) {
    return link(country, records, plan, previousTraveller, Linker.machineThreads());
  }

  /**
   * {@link #link(String, List, Plan, LongUnaryOperator)} training and linking on {@code threads}
   * threads: a Spark task uses the cores it was given, not the machine's. The result does not
   * depend on them.
   */
  public static Result link(
      String country,
      List<LinkageRecord> records,
      Plan plan,
      LongUnaryOperator previousTraveller,
      int threads) {
    requireNonNull(country, "country is null");
    requireNonNull(records, "records is null");
    requireNonNull(plan, "plan is null");
    requireNonNull(previousTraveller, "previousTraveller is null");
    // The previous run's model (with the term frequencies of the same records) unless retraining
    // or there is none.
    if (!plan.retrain() && plan.previousModels().isPresent()) {
      Optional<ModelStore.Entry> kept = ModelStore.read(plan.previousModels().get(), country);
      if (kept.isPresent()) {
        return new Result(link(records, kept.get(), plan, previousTraveller, threads, null), kept);
      }
    }
    if (!anyKeyShared(records)) {
      // No two records share a blocking key: nothing to estimate from, and nothing to link. The
      // next run trains once there are candidate pairs.
      return new Result(Clusters.singletons(records), Optional.empty());
    }
    // Trained on the country's records; the blocks that training counts the blocked pairs over
    // are the linker's too, built once (when training first asks for them).
    try (LinkageBlocks blocks = LinkageBlocks.of(records, plan.settings().maxBlockComparisons())) {
      LinkageModel model =
          ModelTraining.train(
                  records, plan.settings(), new SplittableRandom(plan.seed()), threads, blocks)
              .model();
      ModelStore.Entry entry = new ModelStore.Entry(model, plan.lastSubmission());
      return new Result(
          link(records, entry, plan, previousTraveller, threads, blocks), Optional.of(entry));
    }
  }

  private static Clusters link(
      List<LinkageRecord> records,
      ModelStore.Entry model,
      Plan plan,
      LongUnaryOperator previousTraveller,
      int threads,
      LinkageBlocks blocks) {
    long trainedUpTo = model.trainedUpToSubmission();
    TermFrequencies frequencies =
        TermFrequencies.of(records, record -> NodeRecord.submissionOf(record.id()) <= trainedUpTo);
    if (!plan.resume()) {
      return Linker.link(model.model(), frequencies, records, threads, blocks);
    }
    long from = resumeFrom(records, plan.previousLastSubmission());
    // The earlier records' travellers are asked of the previous run's rows as the linker meets
    // them: no map of every record beside them.
    return Linker.resume(
        model.model(),
        frequencies,
        id -> {
          long earlier = previousTraveller.applyAsLong(id);
          if (earlier == NO_TRAVELLER) {
            throw new IllegalStateException(
                "record " + id + " is older than the new ones but not in the last run");
          }
          return earlier;
        },
        records,
        from,
        threads,
        blocks);
  }

  /**
   * Where an incremental run links again: the time of the earliest record from a submission after
   * {@code seen} (the previous run's last); the records before it keep their travellers.
   */
  static long resumeFrom(List<LinkageRecord> records, long seen) {
    long from = Long.MAX_VALUE;
    for (LinkageRecord record : records) {
      if (NodeRecord.submissionOf(record.id()) > seen) {
        from = Math.min(from, record.eventSecond());
      }
    }
    return from;
  }

  /**
   * Whether two records share a blocking key, i.e. whether linkage has any candidate pair: one pass
   * over the keys, where counting the pairs' agreement patterns would compare them all (training
   * does that once, next).
   */
  static boolean anyKeyShared(List<LinkageRecord> records) {
    LongHashSet seen = new LongHashSet();
    LongHashSet own = new LongHashSet();
    for (LinkageRecord record : records) {
      own.clear();
      for (long key : record.blockingKeys()) {
        if (key != 0 && own.add(key) && !seen.add(key)) {
          return true;
        }
      }
    }
    return false;
  }
}
