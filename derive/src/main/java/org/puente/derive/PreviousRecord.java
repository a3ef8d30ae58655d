package org.puente.derive;

/**
 * What the previous run said about one record.
 *
 * @param travellerId its traveller
 * @param residenceClass its class (null when not a crossing)
 * @param predictedPermille for a provisional crossing, the predicted probability in thousandths,
 *     else -1
 */
record PreviousRecord(long travellerId, String residenceClass, int predictedPermille) {}
