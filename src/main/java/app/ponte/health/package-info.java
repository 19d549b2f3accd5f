/**
 * Team health: pulse surveys (eNPS and engagement questions) whose answers carry no link to a
 * person and whose results stay hidden below the anonymity threshold, and one-on-ones between a
 * manager and a report with shared agenda and notes, private notes and action items.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Team health")
package app.ponte.health;
