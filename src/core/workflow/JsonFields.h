#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

// Reading fields of an untrusted JSON answer, shared by the parsers of the read workflows. A present field of
// the wrong type is an error (false with `error`); nothing is guessed.
namespace das::JsonFields {

// A string field, cleaned with ServerText and capped; a missing or null one is empty.
bool text(const QJsonObject& object, const char* name, int cap, QString* out, QString* error);
bool array(const QJsonObject& object, const char* name, QJsonArray* out, QString* error);
bool objectAt(const QJsonArray& list, int i, const char* name, QJsonObject* out, QString* error);

} // namespace das::JsonFields
