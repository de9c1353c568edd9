package org.painlab.core.link;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.extension.Contribution;
import org.painlab.core.extension.ContributionException;
import org.painlab.core.extension.ExtensionReader;
import org.painlab.core.store.AuditEntry;
import org.painlab.core.store.AuditLog;

/**
 * The kinds of study item links can point at (contributed through
 * {@code org.painlab.core.linkTargets}: subject, visit, result, volume, model, parameter,
 * reference, note), and the links stored in a study between them.
 *
 * @since 0.1
 */
public final class LinkTargets {
    /** The extension point link targets are contributed to. */
    public static final String POINT = "org.painlab.core.linkTargets";
    private final List<Contribution<LinkTarget>> targets;

    /** Reads the installed link targets. */
    public LinkTargets() {
        this.targets = new ExtensionReader<>(POINT, "linkTarget", LinkTarget.class).read();
    }

    /** @return the installed link targets */
    public List<Contribution<LinkTarget>> contributions() {
        return targets;
    }

    /**
     * @param study an open study
     * @param type a link target id
     * @param key the item's key
     * @return a label of the item, or empty when it no longer exists
     * @throws StudyException if the type is not installed (naming those that are) or the study cannot be read
     */
    public Optional<String> resolve(Study study, String type, String key) throws StudyException {
        Contribution<LinkTarget> c = targets.stream().filter(t -> t.id().equals(type)).findFirst()
                .orElseThrow(() -> new StudyException("unknown link target '" + type + "'; installed: "
                        + targets.stream().map(Contribution::id).collect(Collectors.joining(", "))));
        try {
            return c.get().resolve(study, key);
        } catch (ContributionException e) {
            throw new StudyException(e.getMessage(), e);
        }
    }

    /**
     * Stores a link after checking that both ends resolve, with an audit row.
     *
     * @param study an open study
     * @param fromType link target id of the source
     * @param fromKey key of the source
     * @param toType link target id of the destination
     * @param toKey key of the destination
     * @param actor who links
     * @return the stored link
     * @throws StudyException naming the end that does not resolve
     */
    public ItemLink link(Study study, String fromType, String fromKey, String toType, String toKey, String actor)
            throws StudyException {
        for (String[] end : new String[][] { { fromType, fromKey }, { toType, toKey } }) {
            if (resolve(study, end[0], end[1]).isEmpty()) {
                throw new StudyException(study.folder() + ": no " + end[0] + " '" + end[1] + "' to link");
            }
        }
        Instant now = Instant.now();
        return study.transaction(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO item_link(from_type, from_key, to_type, to_key, "
                    + "created_at) VALUES (?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, fromType);
                ps.setString(2, fromKey);
                ps.setString(3, toType);
                ps.setString(4, toKey);
                ps.setTimestamp(5, Timestamp.from(now));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            new AuditLog(c).append(AuditEntry.of(actor, "insert", "item_link", Long.toString(id), "link",
                    null, fromType + ":" + fromKey + " -> " + toType + ":" + toKey, "link"));
            return new ItemLink(id, fromType, fromKey, toType, toKey, now);
        });
    }

    /**
     * @param study an open study
     * @param type link target id of an item
     * @param key its key
     * @return links from or to the item (its links and backlinks), oldest first
     * @throws StudyException if the study cannot be read
     */
    public List<ItemLink> linksOf(Study study, String type, String key) throws StudyException {
        return study.read(c -> {
            List<ItemLink> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, from_type, from_key, to_type, to_key, created_at "
                    + "FROM item_link WHERE (from_type = ? AND from_key = ?) OR (to_type = ? AND to_key = ?) ORDER BY id")) {
                ps.setString(1, type);
                ps.setString(2, key);
                ps.setString(3, type);
                ps.setString(4, key);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ItemLink(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getTimestamp(6).toInstant()));
                    }
                }
            }
            return out;
        });
    }

    /**
     * The links and backlinks of an item with the other end of each resolved now: what a list of an item's
     * links shows. An end that no longer exists says {@link LinkedItem#GONE}; one whose link target is not
     * installed (or cannot be read) carries the error, so one broken end does not hide the others.
     *
     * @param study an open study
     * @param type link target id of an item
     * @param key its key
     * @return one entry per link, oldest first
     * @throws StudyException if the study's links cannot be read
     */
    public List<LinkedItem> describe(Study study, String type, String key) throws StudyException {
        List<LinkedItem> out = new ArrayList<>();
        for (ItemLink l : linksOf(study, type, key)) {
            boolean outgoing = l.fromType().equals(type) && l.fromKey().equals(key);
            String otherType = outgoing ? l.toType() : l.fromType();
            String otherKey = outgoing ? l.toKey() : l.fromKey();
            Optional<String> label;
            String problem;
            try {
                label = resolve(study, otherType, otherKey);
                problem = label.isPresent() ? null : LinkedItem.GONE;
            } catch (StudyException e) {
                label = Optional.empty();
                problem = e.getMessage();
            }
            out.add(new LinkedItem(l, outgoing, otherType, otherKey, label, problem));
        }
        return out;
    }
}
