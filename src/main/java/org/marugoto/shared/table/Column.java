package org.marugoto.shared.table;

/** A column of an import file: its name in code, its Japanese heading (English names are accepted too), required. */
public record Column(String name, String heading, boolean required) {}
