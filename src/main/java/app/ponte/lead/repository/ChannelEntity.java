package app.ponte.lead.repository;

import app.ponte.lead.ChannelKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An acquisition channel; the code is its identity and never changes. */
@Entity
@Table(name = "channel")
public class ChannelEntity {

    @Id
    @Column(length = 30)
    private String code;

    /** The English name. */
    @Column(nullable = false, length = 80)
    private String name;

    /** The Italian name; null when it is the same as the English one (decision 023). */
    @Column(name = "name_it", length = 80)
    private String nameIt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private ChannelKind kind;

    @Column(nullable = false)
    private boolean active = true;

    @Version
    private long version;

    protected ChannelEntity() {
    }

    public ChannelEntity(String code, String name, String nameIt, ChannelKind kind) {
        this.code = code;
        this.name = name;
        this.nameIt = nameIt;
        this.kind = kind;
    }

    public String getCode() { return code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getNameIt() { return nameIt; }
    public void setNameIt(String nameIt) { this.nameIt = nameIt; }
    public ChannelKind getKind() { return kind; }
    public void setKind(ChannelKind kind) { this.kind = kind; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public long getVersion() { return version; }
}
