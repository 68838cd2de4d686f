package org.marugoto.casework;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Something of a case past its date: an open action of the plan in force ({@code ACTION}), an open action item of a
 * 重層的支援会議 ({@code MEETING_ACTION}) or a plan not reviewed by its review date ({@code REVIEW}).
 */
public record OverdueItem(UUID caseId, String caseNumber, String description, LocalDate dueDate, String kind) {}
