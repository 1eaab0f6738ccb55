/**
 * Templates: one annotated interface per publicly documented API whose login shape Latchkey
 * covers, each with the vendor's page cited. Copy the annotation of the API closest to yours;
 * docs/your-own-api.md explains each attribute and lists the catalogue as a table. Each interface
 * declares a call or two, enough for its scripted-server test; add your own methods.
 */
package dev.latchkey.samples.catalogue;
