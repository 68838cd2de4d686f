package org.marugoto.people.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.people.MemberView;
import org.marugoto.people.MembershipEnd;
import org.marugoto.people.Relationship;
import org.marugoto.people.Sex;

/**
 * The household's genogram (ジェノグラム), laid out by the application and drawn as SVG by the page: one row per
 * generation (grandparents above parents above the key person above children), men as squares, women as circles,
 * the key person (本人) with a double outline, the deceased crossed out, partners joined by a line (dashed when not
 * married), children hanging from their parents' line, and the members who live together enclosed in a dashed
 * outline. Relationships are stored relative to the key person ({@link Relationship}), so lines are drawn only where
 * that relation says who is whose parent or partner.
 */
record Genogram(int width, int height, List<Node> nodes, List<Line> lines, List<Box> together) {

    static final int SLOT = 96;
    static final int ROW = 112;
    static final int SIZE = 36;
    static final int TOP = 24;
    /** Below a symbol's name and detail lines: where a line down from a single parent starts. */
    static final int BELOW_TEXT = 64;

    /** A person: the centre of the symbol, and what is written under it. */
    record Node(
            UUID personId,
            int x,
            int y,
            String name,
            Relationship relationship,
            @Nullable Integer age,
            boolean female,
            boolean male,
            boolean self,
            boolean deceased,
            boolean livesTogether) {

        public int left() {
            return x - SIZE / 2;
        }

        public int top() {
            return y - SIZE / 2;
        }

        public int size() {
            return SIZE;
        }

        /** The points of the diamond drawn for a person whose sex is neither recorded as male nor female. */
        public String diamond() {
            int h = SIZE / 2;
            return "%d,%d %d,%d %d,%d %d,%d".formatted(x, y - h, x + h, y, x, y + h, x - h, y);
        }
    }

    record Line(int x1, int y1, int x2, int y2, boolean dashed) {}

    record Box(int x, int y, int width, int height) {}

    /** Current members and the members who died (they stay in the family's picture). */
    static Genogram of(List<MemberView> members, LocalDate today) {
        Map<UUID, MemberView> shown = new LinkedHashMap<>();
        for (MemberView m : members) {
            boolean died = m.endReason() == MembershipEnd.DIED || m.person().deceasedOn() != null;
            if (m.current() || died) {
                shown.putIfAbsent(m.person().id(), m);
            }
        }
        Map<Integer, List<MemberView>> rows = new java.util.TreeMap<>();
        for (MemberView m : shown.values()) {
            rows.computeIfAbsent(m.relationship().generation(), k -> new ArrayList<>())
                    .add(m);
        }
        rows.values()
                .forEach(row -> row.sort(Comparator.comparingInt(Genogram::place)
                        .thenComparing(m -> m.person().birthDate(), Comparator.nullsLast(Comparator.naturalOrder()))));
        int columns = rows.values().stream().mapToInt(List::size).max().orElse(1);
        int width = Math.max(1, columns) * SLOT;
        List<Node> nodes = new ArrayList<>();
        List<Box> together = new ArrayList<>();
        int rowIndex = 0;
        Map<Integer, Integer> rowY = new LinkedHashMap<>();
        for (var entry : rows.entrySet()) {
            List<MemberView> row = entry.getValue();
            int y = TOP + SIZE / 2 + rowIndex * ROW;
            rowY.put(entry.getKey(), y);
            int offset = (width - row.size() * SLOT) / 2;
            Integer firstTogether = null;
            Integer lastTogether = null;
            for (int i = 0; i < row.size(); i++) {
                MemberView m = row.get(i);
                int x = offset + i * SLOT + SLOT / 2;
                boolean deceased =
                        m.endReason() == MembershipEnd.DIED || m.person().deceasedOn() != null;
                nodes.add(new Node(
                        m.person().id(),
                        x,
                        y,
                        m.person().fullName(),
                        m.relationship(),
                        m.person().ageOn(today),
                        m.person().sex() == Sex.FEMALE,
                        m.person().sex() == Sex.MALE,
                        m.relationship() == Relationship.SELF,
                        deceased,
                        m.livesTogether() && m.current()));
                if (m.livesTogether() && m.current()) {
                    firstTogether = firstTogether == null ? x : firstTogether;
                    lastTogether = x;
                }
            }
            if (firstTogether != null && lastTogether != null) {
                together.add(new Box(
                        firstTogether - SLOT / 2 + 4,
                        y - SIZE / 2 - 10,
                        lastTogether - firstTogether + SLOT - 8,
                        ROW - 26));
            }
            rowIndex++;
        }
        List<Line> lines = new ArrayList<>();
        // partners of the key person, the parents, the grandparents
        Optional<Node> self = find(nodes, Relationship.SELF);
        List<Node> partners = all(nodes, Relationship.SPOUSE, Relationship.PARTNER);
        Node coupleLeft = self.orElse(null);
        int childrenFromX = self.map(Node::x).orElse(width / 2);
        if (self.isPresent() && !partners.isEmpty()) {
            Node partner = partners.getFirst();
            lines.add(couple(self.get(), partner, partner.relationship() == Relationship.PARTNER));
            childrenFromX = (self.get().x() + partner.x()) / 2;
        }
        List<Node> parents = all(nodes, Relationship.PARENT);
        List<Node> siblingsAndSelf = all(nodes, Relationship.SELF, Relationship.SIBLING);
        descend(lines, parents, siblingsAndSelf);
        List<Node> grandparents = all(nodes, Relationship.GRANDPARENT);
        descend(lines, grandparents, parents.isEmpty() ? List.of() : List.of(parents.getFirst()));
        List<Node> children = all(nodes, Relationship.CHILD);
        if (coupleLeft != null && !children.isEmpty()) {
            int from = partners.isEmpty() ? coupleLeft.y() + BELOW_TEXT : coupleLeft.y() + SIZE / 2 + 8;
            sibship(lines, childrenFromX, from, children);
        }
        List<Node> grandchildren = all(nodes, Relationship.GRANDCHILD);
        if (!children.isEmpty() && !grandchildren.isEmpty()) {
            Node parent = children.getFirst();
            sibship(lines, parent.x(), parent.y() + BELOW_TEXT, grandchildren);
        }
        int height = TOP + rows.size() * ROW;
        return new Genogram(width, height, nodes, lines, together);
    }

    /** Left to right within a generation: siblings, the key person, partners, then other relatives and others. */
    private static int place(MemberView m) {
        return switch (m.relationship()) {
            case SIBLING -> 0;
            case SELF -> 1;
            case SPOUSE, PARTNER -> 2;
            case PARENT, GRANDPARENT, CHILD, GRANDCHILD -> m.person().sex() == Sex.MALE ? 1 : 2;
            case OTHER_RELATIVE -> 3;
            case OTHER -> 4;
        };
    }

    private static Optional<Node> find(List<Node> nodes, Relationship relationship) {
        return nodes.stream().filter(n -> n.relationship() == relationship).findFirst();
    }

    private static List<Node> all(List<Node> nodes, Relationship... relationships) {
        List<Relationship> wanted = List.of(relationships);
        return nodes.stream().filter(n -> wanted.contains(n.relationship())).toList();
    }

    /** The partner line, drawn between the bottoms of two symbols in the same row. */
    private static Line couple(Node a, Node b, boolean unmarried) {
        int y = a.y() + SIZE / 2 + 8;
        return new Line(Math.min(a.x(), b.x()), y, Math.max(a.x(), b.x()), y, unmarried);
    }

    /** Parents (one or a couple) above their children: the couple line, then a line down to the children's line. */
    private static void descend(List<Line> lines, List<Node> parents, List<Node> children) {
        if (parents.isEmpty()) {
            return;
        }
        int x = parents.getFirst().x();
        int y = parents.getFirst().y() + BELOW_TEXT;
        if (parents.size() > 1) {
            Line c = couple(parents.get(0), parents.get(1), false);
            lines.add(c);
            x = (c.x1() + c.x2()) / 2;
            y = c.y1();
        }
        if (!children.isEmpty()) {
            sibship(lines, x, y, children);
        }
    }

    /** A line down from ({@code x}, {@code fromY}) to a horizontal line over the children, and one to each child. */
    private static void sibship(List<Line> lines, int x, int fromY, List<Node> children) {
        int childTop = children.getFirst().y() - SIZE / 2;
        int bar = childTop - 14;
        lines.add(new Line(x, fromY, x, bar, false));
        int left = Math.min(x, children.stream().mapToInt(Node::x).min().orElse(x));
        int right = Math.max(x, children.stream().mapToInt(Node::x).max().orElse(x));
        lines.add(new Line(left, bar, right, bar, false));
        for (Node child : children) {
            lines.add(new Line(child.x(), bar, child.x(), childTop, false));
        }
    }
}
